using ManageIQ.OpenScap.Shared;

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>A read-only view of a stream that refuses to deliver more than a set number of bytes.</summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string what) : LimitedReadStream(inner, maxBytes, compression: null)
{
    protected override Exception Corrupt(Exception inner) => new InvalidDataException($"{what} cannot be read: {inner.Message}", inner);

    protected override Exception TooLarge() => new InvalidDataException($"{what} is larger than {MaxBytes} bytes, the most read.");
}

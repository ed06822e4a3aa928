using ManageIQ.OpenScap.Shared;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// The decoded document as the XML parser sees it: counts bytes against <c>MaxInputBytes</c> (so a compression
/// bomb stops early), observes cancellation once per buffer, and turns a decompressor's failure into a
/// <see cref="ScapFormatException"/> naming the source and the offset.
/// </summary>
internal sealed class LimitedStream(Stream inner, string sourceName, string? compression, long maxBytes, CancellationToken cancellationToken) : LimitedReadStream(inner, maxBytes, compression, cancellationToken)
{
    protected override Exception Corrupt(Exception inner) =>
        new ScapFormatException(sourceName, 0, 0, $"{Compression} data is corrupt or truncated after {BytesRead} decompressed bytes: {inner.Message}", inner);

    protected override Exception TooLarge() =>
        new ScapFormatException(sourceName, 0, 0, $"input exceeds the limit of {MaxBytes} bytes (MaxInputBytes)");
}

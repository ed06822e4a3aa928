using ManageIQ.OpenScap.Shared;

namespace ManageIQ.OpenScap.Oval;

/// <summary>A CVE feed as the slimmer reads it: bounded (<see cref="LimitedReadStream"/>), its failures named as the feed's.</summary>
internal sealed class BoundedStream(Stream inner, string source, string? compression, long maxBytes) : LimitedReadStream(inner, maxBytes, compression)
{
    protected override Exception Corrupt(Exception inner) =>
        new OvalFormatException($"The CVE feed {source} is not valid {Compression} after {BytesRead} bytes: {inner.Message}", inner);

    protected override Exception TooLarge() =>
        new OvalFormatException($"The CVE feed {source} is larger than {MaxBytes} bytes{(Compression is null ? string.Empty : " decompressed")}.");
}

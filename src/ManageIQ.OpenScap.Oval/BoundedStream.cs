namespace ManageIQ.OpenScap.Oval;

/// <summary>A read-only view that stops at a byte limit (so a compression bomb ends early) and names the failure.</summary>
internal sealed class BoundedStream(Stream inner, string source, string? compression, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception e) when (compression is not null && e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Decompressors throw many types on corrupt data; all mean the same here.
            throw new OvalFormatException($"The CVE feed {source} is not valid {compression} after {_read} bytes: {e.Message}", e);
        }

        _read += n;
        if (_read > maxBytes)
        {
            throw new OvalFormatException($"The CVE feed {source} is larger than {maxBytes} bytes{(compression is null ? string.Empty : " decompressed")}.");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

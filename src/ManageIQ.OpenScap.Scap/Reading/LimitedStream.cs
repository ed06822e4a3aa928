namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// The decoded document as the XML parser sees it: counts bytes against <c>MaxInputBytes</c> (so a compression
/// bomb stops early), observes cancellation once per buffer, and turns a decompressor's failure into a
/// <see cref="ScapFormatException"/> naming the source and the offset.
/// </summary>
internal sealed class LimitedStream(Stream inner, string sourceName, string? compression, long maxBytes, CancellationToken cancellationToken) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception ex) when (compression is not null && ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Decompressors throw a variety of types on corrupt or truncated data; all mean the same here.
            throw new ScapFormatException(sourceName, 0, 0, $"{compression} data is corrupt or truncated after {BytesRead} decompressed bytes: {ex.Message}", ex);
        }

        BytesRead += n;
        if (BytesRead > maxBytes)
        {
            throw new ScapFormatException(sourceName, 0, 0, $"input exceeds the limit of {maxBytes} bytes (MaxInputBytes)");
        }

        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        int n;
        try
        {
            n = await inner.ReadAsync(buffer, token);
        }
        catch (Exception ex) when (compression is not null && ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ScapFormatException(sourceName, 0, 0, $"{compression} data is corrupt or truncated after {BytesRead} decompressed bytes: {ex.Message}", ex);
        }

        BytesRead += n;
        if (BytesRead > maxBytes)
        {
            throw new ScapFormatException(sourceName, 0, 0, $"input exceeds the limit of {maxBytes} bytes (MaxInputBytes)");
        }

        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

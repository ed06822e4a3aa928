namespace ManageIQ.OpenScap.Shared;

/// <summary>
/// A read-only, forward-only view of a stream it owns that stops at a byte limit (so a compression bomb ends early),
/// observes cancellation once per buffer, and turns a decompressor's failure into the owner's own error. Linked as
/// source into each project that bounds what it reads (Scap, Oval, Demo): they share no other assembly.
/// </summary>
internal abstract class LimitedReadStream(Stream inner, long maxBytes, string? compression, CancellationToken cancellationToken = default) : Stream
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

    /// <summary>The limit, for messages.</summary>
    protected long MaxBytes => maxBytes;

    /// <summary>The decompression read through (gzip, bzip2, ...), null for plain input.</summary>
    protected string? Compression => compression;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception e) when (compression is not null && e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Decompressors throw many types on corrupt or truncated data; all mean the same here.
            throw Corrupt(e);
        }

        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        int n;
        try
        {
            n = await inner.ReadAsync(buffer, token).ConfigureAwait(false);
        }
        catch (Exception e) when (compression is not null && e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw Corrupt(e);
        }

        return Count(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The owner's error for a decompressor's failure after <see cref="BytesRead"/> bytes.</summary>
    protected abstract Exception Corrupt(Exception inner);

    /// <summary>The owner's error for input past <see cref="MaxBytes"/>.</summary>
    protected abstract Exception TooLarge();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        BytesRead += n;
        return BytesRead > maxBytes ? throw TooLarge() : n;
    }
}

using System.Buffers;
using System.Collections.Concurrent;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Runs decompression (with its budget and ratio guard and the diff_id hash) on a thread of its
/// own, reading the whole stream, and hands the tar reader pooled 1 MiB chunks through a bounded
/// queue: at most a few MiB are ever read ahead, whatever the layer holds.
/// </summary>
internal sealed class ReadAheadStream : ForwardReadStream
{
    public const int ChunkBytes = 1024 * 1024;
    private const int QueuedChunks = 4;
    private readonly BlockingCollection<LayerChunk> _chunks = new(new ConcurrentQueue<LayerChunk>(), QueuedChunks);
    private readonly PipelineFault _fault;
    private readonly Task _producer;
    private LayerChunk _current;
    private int _offset;
    private bool _ended;

    public ReadAheadStream(Stream source, PipelineFault fault)
    {
        _fault = fault;
        _producer = Task.Factory.StartNew(() => Produce(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_current.Buffer is null || _offset == _current.Length)
        {
            ReturnCurrent();
            if (_ended || !_chunks.TryTake(out _current, Timeout.Infinite, _fault.Token))
            {
                _ended = true;
                return 0;
            }

            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        BytesRead += count;
        return count;
    }

    /// <summary>Consumes what the tar reader left (end blocks, padding) and waits for decompression to finish, so the hash covers the whole stream.</summary>
    public void ReadToEnd()
    {
        while (!_ended)
        {
            ReturnCurrent();
            if (!_chunks.TryTake(out _current, Timeout.Infinite, _fault.Token))
            {
                _ended = true;
            }
        }

        _producer.Wait(_fault.Token);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_producer.IsCompleted)
            {
                // Only an error or a cancellation leaves the producer running: stop it before releasing its buffers.
                _fault.Stop();
            }

            _producer.Wait(CancellationToken.None);
            ReturnCurrent();
            while (_chunks.TryTake(out var chunk))
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            _chunks.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Produce(Stream source)
    {
        try
        {
            while (true)
            {
                _fault.Token.ThrowIfCancellationRequested();
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var handedOver = false;
                try
                {
                    var length = source.ReadAtLeast(buffer.AsSpan(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false);
                    if (length == 0)
                    {
                        break;
                    }

                    _chunks.Add(new LayerChunk(buffer, length), _fault.Token);
                    handedOver = true;
                }
                finally
                {
                    if (!handedOver)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            }

            _chunks.CompleteAdding();
        }
        catch (Exception ex)
        {
            _fault.Record(ex);
        }
    }

    private void ReturnCurrent()
    {
        if (_current.Buffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _current = default;
        }
    }
}

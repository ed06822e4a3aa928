using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// A small pool of threads that write file content, then owner, mode and time, and close, for
/// files the tar thread has already created (O_EXCL). Path operations stay on the tar thread, in tar
/// order; an unlink, rename or link of the path does not affect an open handle, so a later entry
/// replacing, linking or whiting out a file whose content is still in flight stays correct.
/// At most 8 MiB of content is queued, in pieces of at most 1 MiB, whatever the file sizes. Pieces
/// go over in batches (up to 32 pieces or 1 MiB), so small files cost no hand-over each.
/// </summary>
internal sealed class FileDataWriters : IDisposable
{
    public const int PieceBytes = 1024 * 1024;
    private const int RoomUnitBytes = 64 * 1024;
    private const int RoomUnits = 128;
    private const int BatchPieces = 32;
    private readonly BlockingCollection<List<FilePiece>> _batches = new(new ConcurrentQueue<List<FilePiece>>());
    private readonly SemaphoreSlim _room = new(RoomUnits, RoomUnits);
    private readonly ConcurrentDictionary<PendingFile, bool> _open = new();
    private readonly IFileContentWriter _content;
    private readonly OwnerKeeper _owners;
    private readonly PipelineFault _fault;
    private readonly Task[] _workers;
    private List<FilePiece> _batch = new(BatchPieces);
    private long _batchBytes;
    private bool _finished;

    public FileDataWriters(int threads, IFileContentWriter content, OwnerKeeper owners, PipelineFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _content = content;
        _owners = owners;
        _fault = fault;
        _workers = new Task[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Takes over a newly created file; its content follows with <see cref="Write"/>.</summary>
    public PendingFile Open(SafeFileHandle handle, string name, UnixFileMode mode, DateTime modifiedUtc, int uid, int gid)
    {
        var file = new PendingFile(handle, name, mode, modifiedUtc, uid, gid);
        _open[file] = true;
        return file;
    }

    /// <summary>
    /// Queues <paramref name="length"/> bytes of <paramref name="buffer"/> (rented from the shared
    /// pool; returned by the pool whatever happens) at <paramref name="offset"/>; waits while 8 MiB are queued.
    /// </summary>
    public void Write(PendingFile file, byte[]? buffer, int length, long offset, bool last)
    {
        var units = Math.Max(1, (length + RoomUnitBytes - 1) / RoomUnitBytes);
        var batched = false;
        try
        {
            for (var taken = 0; taken < units; taken++)
            {
                if (!_room.Wait(0))
                {
                    // Never wait for room while holding a batch the workers have not seen.
                    Flush();
                    _room.Wait(_fault.Token);
                }
            }

            file.AddReference();
            _batch.Add(new FilePiece(file, buffer, length, offset, units, last));
            batched = true;
            _batchBytes += length;
            if (_batch.Count == BatchPieces || _batchBytes >= PieceBytes)
            {
                Flush();
            }
        }
        catch
        {
            // Once in the batch, the buffer is the batch's to return.
            if (buffer is not null && !batched)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            throw;
        }
    }

    /// <summary>Waits until every file handed over so far is complete (for the rare copy of a file whose content may be in flight).</summary>
    public void WaitForAll()
    {
        Flush();
        Task.WaitAll([.. _open.Keys.Select(f => f.Closed.Task)], _fault.Token);
    }

    /// <summary>Lets the workers finish what is queued and waits for them; errors are left in the pipeline's fault.</summary>
    public void Finish()
    {
        Flush();
        _batches.CompleteAdding();
        Task.WaitAll(_workers);
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // An error or a cancellation: stop the workers, then release what they did not take.
            _fault.Stop();
            _batches.CompleteAdding();
            Task.WaitAll(_workers);
        }

        ReturnBuffers(_batch);
        while (_batches.TryTake(out var batch))
        {
            ReturnBuffers(batch);
        }

        foreach (var file in _open.Keys)
        {
            file.Handle.Dispose();
            file.Closed.TrySetResult();
        }

        _open.Clear();
        _batches.Dispose();
        _room.Dispose();
    }

    private void Flush()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        _batches.Add(_batch, _fault.Token);
        _batch = new List<FilePiece>(BatchPieces);
        _batchBytes = 0;
    }

    private static void ReturnBuffers(List<FilePiece> batch)
    {
        foreach (var piece in batch)
        {
            if (piece.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(piece.Buffer);
            }
        }

        batch.Clear();
    }

    private void Work()
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable(_fault.Token))
            {
                foreach (var piece in batch)
                {
                    Process(piece);
                }
            }
        }
        catch (OperationCanceledException) when (_fault.IsStopped)
        {
            // Stopped: Dispose releases what is left.
        }
    }

    private void Process(FilePiece piece)
    {
        var file = piece.File;
        try
        {
            if (piece.Buffer is not null && piece.Length > 0 && !_fault.IsStopped)
            {
                _content.Write(file.Handle, piece.Buffer.AsSpan(0, piece.Length), piece.Offset, file.Name);
            }
        }
        catch (Exception ex)
        {
            _fault.Record(ex);
        }
        finally
        {
            if (piece.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(piece.Buffer);
            }

            _room.Release(piece.RoomUnits);
        }

        // The piece's reference, and with the last piece the tar thread's too.
        if (file.Release(piece.Last ? 2 : 1))
        {
            Complete(file);
        }
    }

    private void Complete(PendingFile file)
    {
        try
        {
            if (!_fault.IsStopped)
            {
                // Owner first: a chown may clear mode bits.
                _owners.Keep(file.Handle, file.Uid, file.Gid);
                NativeMethods.SetModeAndTime(file.Handle, file.Mode, file.ModifiedUtc, file.Name);
            }
        }
        catch (Exception ex)
        {
            _fault.Record(ex);
        }
        finally
        {
            file.Handle.Dispose();
            _open.TryRemove(file, out _);
            file.Closed.TrySetResult();
        }
    }
}

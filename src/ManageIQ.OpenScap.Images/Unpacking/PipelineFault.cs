using System.Runtime.ExceptionServices;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// The shared stop signal of one layer's pipeline (decompression, tar, file writers): the first
/// error of any stage is kept with its stack and stops the others; the caller's cancellation stops them too.
/// </summary>
internal sealed class PipelineFault : IDisposable
{
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _stop;
    private ExceptionDispatchInfo? _first;

    public PipelineFault(CancellationToken caller)
    {
        _caller = caller;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(caller);
    }

    /// <summary>Cancelled when a stage failed, the pipeline is torn down, or the caller cancelled.</summary>
    public CancellationToken Token => _stop.Token;

    public bool IsStopped => _stop.IsCancellationRequested;

    /// <summary>Keeps <paramref name="error"/> if it is the first and stops every stage.</summary>
    public void Record(Exception error)
    {
        if (error is OperationCanceledException && _stop.IsCancellationRequested)
        {
            // A consequence of a stop, not its cause.
            return;
        }

        Interlocked.CompareExchange(ref _first, ExceptionDispatchInfo.Capture(error), null);
        Stop();
    }

    /// <summary>Stops every stage without an error of its own (tearing down after another failure).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Rethrows the first error, else the caller's cancellation.</summary>
    public void ThrowIfFaulted()
    {
        _first?.Throw();
        _caller.ThrowIfCancellationRequested();
    }

    public void Dispose() => _stop.Dispose();
}

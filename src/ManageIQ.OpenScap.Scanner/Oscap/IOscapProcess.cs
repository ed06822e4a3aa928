namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Starts the real <c>oscap</c> executable. The seam between the runner and the operating system.</summary>
public interface IOscapProcess
{
    /// <summary>Runs oscap to completion or until the time limit, killing the process tree on timeout or cancellation.</summary>
    /// <exception cref="OpenScapException">oscap could not be started.</exception>
    Task<OscapProcessResult> RunAsync(OscapInvocation invocation, CancellationToken cancellationToken);
}

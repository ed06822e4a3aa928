namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>
/// A condition the service's work waits for before it starts: discovery, schedules and dispatch begin when every
/// registered gate has opened (e.g. "this replica holds the lease", "ManageIQ's start-up probes passed").
/// </summary>
public interface IServiceStartGate
{
    /// <summary>For logs: what is waited for.</summary>
    string Name { get; }

    /// <summary>
    /// Completes when the gate opens, with a token cancelled if it closes again (the lease's <c>Lost</c>;
    /// <see cref="CancellationToken.None"/> for a one-time check). Throws to refuse the start.
    /// </summary>
    Task<CancellationToken> WaitOpenAsync(CancellationToken cancellationToken);
}

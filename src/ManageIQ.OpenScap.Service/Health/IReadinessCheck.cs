namespace ManageIQ.OpenScap.Service.Health;

/// <summary>
/// One condition of <c>/readyz</c>. Register more with <c>services.AddReadinessCheck&lt;T&gt;()</c> (the lease, the
/// start-up probes); the endpoint is ready when all pass.
/// </summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

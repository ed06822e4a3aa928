using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.Leadership;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Leadership;

/// <summary>One bridge replica: its own client (with a network the test can cut), its clock's view, and its guard.</summary>
internal sealed class LeaseReplica(string identity, KubernetesLeaseGuard guard, WaitCountingClock clock, CuttableHandler network, k8s.Kubernetes client) : IAsyncDisposable
{
    public string Identity { get; } = identity;

    public KubernetesLeaseGuard Guard { get; } = guard;

    public WaitCountingClock Clock { get; } = clock;

    public CuttableHandler Network { get; } = network;

    /// <summary>The task of the last <see cref="StartAcquiring"/>.</summary>
    public Task<IActiveLease>? Acquiring { get; private set; }

    /// <summary>The lease, once <see cref="Acquiring"/> completed.</summary>
    public IActiveLease? Lease => Acquiring is { IsCompletedSuccessfully: true } task ? task.Result : null;

    public Task<IActiveLease> StartAcquiring(CancellationToken cancellationToken) => Acquiring = Guard.AcquireAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Guard.DisposeAsync();
        client.Dispose();
    }
}

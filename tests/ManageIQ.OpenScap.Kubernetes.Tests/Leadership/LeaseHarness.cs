using k8s;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Leadership;

/// <summary>
/// The fake API server and replicas on one fake clock (defaults: lease 15 s, renew deadline 10 s, retry 2 s). The
/// clock moves only in <see cref="AdvanceAsync"/>, which then waits until the replica whose wait came due has
/// finished that iteration, so every run takes the same steps.
/// </summary>
internal sealed class LeaseHarness : IAsyncDisposable
{
    public const string Namespace = "management-infra";
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<LeaseReplica> replicas = [];
    private readonly ILoggerFactory loggers;

    private LeaseHarness(FakeKubernetesApiServer api)
    {
        Api = api;
        loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(Logs)));
    }

    public FakeKubernetesApiServer Api { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeLogCollector Logs { get; } = new();

    public LeadershipOptions Options { get; } = new() { Namespace = Namespace };

    public string? Holder => Api.LeaseHolder(Namespace, LeadershipOptions.DefaultLeaseName);

    public k8s.Models.V1LeaseSpec? Spec => Api.Leases.TryGetValue((Namespace, LeadershipOptions.DefaultLeaseName), out var lease) ? lease.Spec : null;

    public static async Task<LeaseHarness> StartAsync() => new(await FakeKubernetesApiServer.StartAsync());

    public LeaseReplica NewReplica(string identity)
    {
        var options = new LeadershipOptions
        {
            Identity = identity,
            Namespace = Options.Namespace,
            LeaseDuration = Options.LeaseDuration,
            RenewDeadline = Options.RenewDeadline,
            RetryPeriod = Options.RetryPeriod,
        };
        var clock = new WaitCountingClock(Time, options.RetryPeriod);
        var network = new CuttableHandler();
        var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Api.BaseUri.ToString() }, network);
        var api = new LeaseApi(client, LeaseTarget.Resolve(options), options.RenewDeadline, clock);
        var replica = new LeaseReplica(identity, new KubernetesLeaseGuard(api, options, clock, loggers.CreateLogger<KubernetesLeaseGuard>()), clock, network, client);
        replicas.Add(replica);
        return replica;
    }

    /// <summary>Starts acquiring and waits for the first try's outcome: held, or parked waiting.</summary>
    public static async Task<Task<IActiveLease>> BeginAcquireAsync(LeaseReplica replica, CancellationToken cancellationToken)
    {
        var before = replica.Clock.Waits;
        var acquiring = replica.StartAcquiring(cancellationToken);
        await WaitCountingClock.UntilAsync(() => replica.Clock.Waits > before, cancellationToken);
        return acquiring;
    }

    /// <summary>
    /// Moves the clock on by <paramref name="by"/>, then waits until <paramref name="due"/> (the replica whose wait
    /// came due, if any) has finished that iteration: parked again, lost its lease, or stuck in a stalled call.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, LeaseReplica? due, CancellationToken cancellationToken)
    {
        var waits = due?.Clock.Waits ?? 0;
        var stalls = Stalls;
        Time.Advance(by);
        if (due is not null)
        {
            await WaitCountingClock.UntilAsync(() => due.Clock.Waits > waits || due.Lease?.IsHeld == false || Stalls > stalls, cancellationToken);
        }
    }

    public int Count(string kind) => Api.RequestsByKind.GetValueOrDefault(kind);

    public int Logged(int eventId, string? identity = null) =>
        Logs.GetSnapshot().Count(r => r.Id.Id == eventId && (identity is null || r.Message.Contains(identity, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            replica.Network.IsCut = false;
            await replica.DisposeAsync();
        }

        await Api.DisposeAsync();
        loggers.Dispose();
    }

    private int Stalls => Count("stalled");
}

namespace ManageIQ.OpenScap.State.Queue;

/// <summary>
/// How many scans may be in flight: in all (<see cref="Global"/>) and per provider (<see cref="PerProvider"/>,
/// at least 1, with <see cref="ProviderOverrides"/> by provider id, where 0 pauses a provider).
/// </summary>
public sealed record ScanLimits(int Global, int PerProvider)
{
    public IReadOnlyDictionary<long, int> ProviderOverrides { get; init; } = new Dictionary<long, int>();

    public int For(long providerId) => ProviderOverrides.TryGetValue(providerId, out var limit) ? limit : PerProvider;
}

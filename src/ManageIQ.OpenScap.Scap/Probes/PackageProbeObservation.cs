namespace ManageIQ.OpenScap.Scap.Probes;

/// <summary>What oscap's package probes saw, from the system characteristics of an ARF or OVAL results document.</summary>
public sealed record PackageProbeObservation
{
    public static PackageProbeObservation Empty { get; } = new();

    /// <summary>Each package asked about by name in an object oscap collected, with whether an item was found. Distinct.</summary>
    public IReadOnlyList<ProbedPackage> Asked { get; init; } = [];

    /// <summary>Collected item counts by probe (<c>dpkginfo</c>, <c>rpminfo</c>).</summary>
    public IReadOnlyDictionary<string, int> Items { get; init; } = new Dictionary<string, int>();

    public PackageProbeObservation Merge(PackageProbeObservation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var items = new Dictionary<string, int>(Items, StringComparer.Ordinal);
        foreach (var (probe, count) in other.Items)
        {
            items[probe] = items.GetValueOrDefault(probe) + count;
        }

        var asked = Asked.Concat(other.Asked)
            .GroupBy(p => (p.Probe, p.Name))
            .Select(g => new ProbedPackage(g.Key.Probe, g.Key.Name, g.Any(p => p.Found), g.Any(p => p.ProbeError)))
            .ToList();
        return new PackageProbeObservation { Asked = asked, Items = items };
    }
}

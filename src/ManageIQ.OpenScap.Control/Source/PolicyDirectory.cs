using ManageIQ.OpenScap.Control.Format;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>
/// The policy files of a directory (<c>*.yaml</c>, as <c>rake evm:import:policyprofiles</c> reads them), in name order.
/// Guids, names and descriptions are unique across all of them, as ManageIQ requires.
/// </summary>
public static class PolicyDirectory
{
    public static IReadOnlyList<PolicyProfileSource> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ControlFileException($"{directory}: the policy directory does not exist (Bridge:Policies:Directory).");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ControlFileException($"{directory}: no *.yaml policy file.");
        }

        var profiles = files.SelectMany(f => PolicyFileParser.Parse(RubyYamlReader.ReadFile(f), f)).ToList();
        CheckUnique(profiles);
        return profiles;
    }

    /// <summary>Two objects of one kind sharing a guid, name or description would be one object in ManageIQ.</summary>
    public static void CheckUnique(IReadOnlyList<PolicyProfileSource> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        Unique("profile", profiles.Select(p => (p.Guid, p.Name, p.Description, p.File)));
        var policies = profiles.SelectMany(p => p.Policies.Select(x => (x, p.File))).ToList();
        Unique("policy", policies.Select(p => (p.x.Guid, p.x.Name, p.x.Description, p.File)));
        var conditions = policies.SelectMany(p => p.x.Conditions.Select(c => (c, p.File))).ToList();

        // One condition may serve several policies, when it is the same condition each time.
        var distinct = conditions.DistinctBy(c => Ownership.SourceFingerprint.CanonicalText(Ownership.SourceFingerprint.Canonical(c.c)), StringComparer.Ordinal).ToList();
        Unique("condition", distinct.Select(c => (c.c.Guid, c.c.Name, c.c.Description, c.File)));
    }

    private static void Unique(string kind, IEnumerable<(string Guid, string Name, string Description, string File)> items)
    {
        var list = items.ToList();
        foreach (var (key, select) in new (string, Func<(string Guid, string Name, string Description, string File), string>)[] { ("guid", i => i.Guid), ("name", i => i.Name), ("description", i => i.Description) })
        {
            if (list.GroupBy(select, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ControlFileException($"two {kind} entries share the {key} '{twice.Key}' ({string.Join(", ", twice.Select(t => t.File).Distinct())}).");
            }
        }
    }
}

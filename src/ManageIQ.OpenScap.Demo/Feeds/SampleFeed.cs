namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>The demo's CVE feed: the OVAL file, what it holds, and whether this run built it or reused an earlier one.</summary>
public sealed record SampleFeed(string Path, DateTimeOffset BuiltOn, IReadOnlyList<SourceUpdate> Sources, int Definitions, bool Reused)
{
    public int CveCount => Sources.SelectMany(s => s.Cves).Distinct(StringComparer.Ordinal).Count();
}

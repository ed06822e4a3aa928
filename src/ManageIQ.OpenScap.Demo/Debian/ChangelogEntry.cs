namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>One entry of a <c>changelog.Debian</c>: the source version it describes and the CVE ids its text names.</summary>
public sealed record ChangelogEntry(string Source, DebianVersion Version, string Distributions, IReadOnlyList<string> Cves);

namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>A source package with a security update newer than what an image has, and the CVE ids its changelog names since.</summary>
/// <param name="Source">The source package, e.g. <c>zlib</c>.</param>
/// <param name="Installed">The lowest version an image has of its binaries.</param>
/// <param name="Update">The version in the security suite.</param>
/// <param name="Binaries">The binaries of it the images have.</param>
/// <param name="Cves">The CVE ids named since <paramref name="Installed"/>.</param>
public sealed record SourceUpdate(string Source, string Installed, string Update, IReadOnlyList<string> Binaries, IReadOnlyList<string> Cves);

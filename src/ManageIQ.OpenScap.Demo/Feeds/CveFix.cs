namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>A CVE id a security update's changelog names as fixed, with the packages and versions that fix it.</summary>
public sealed record CveFix(string Cve, string Source, IReadOnlyList<PackageFix> Packages);

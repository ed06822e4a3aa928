namespace ManageIQ.OpenScap.Testing;

/// <summary>One package of a synthetic RPM root: an empty noarch package built with rpmbuild.</summary>
/// <param name="Name">%{NAME}.</param>
/// <param name="Version">%{VERSION}.</param>
/// <param name="Release">%{RELEASE}.</param>
public sealed record RpmPackage(string Name, string Version, string Release);

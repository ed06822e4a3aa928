namespace ManageIQ.OpenScap.Testing;

/// <summary>One stanza of a synthetic <c>var/lib/dpkg/status</c>.</summary>
/// <param name="Name">The Package field.</param>
/// <param name="Version">The Version field.</param>
/// <param name="Architecture">The Architecture field.</param>
/// <param name="Source">The <c>Source:</c> field (<c>name</c> or <c>name (version)</c>); none when null.</param>
public sealed record DebianPackage(string Name, string Version, string Architecture = "amd64", string? Source = null);

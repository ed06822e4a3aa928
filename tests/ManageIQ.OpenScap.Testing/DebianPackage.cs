namespace ManageIQ.OpenScap.Testing;

/// <summary>One stanza of a synthetic <c>var/lib/dpkg/status</c>.</summary>
public sealed record DebianPackage(string Name, string Version, string Architecture = "amd64");

namespace ManageIQ.OpenScap.Demo.Debian;

/// <summary>A package dpkg lists as installed: its binary name, version, architecture and source package.</summary>
public sealed record InstalledPackage(string Name, DebianVersion Version, string Architecture, string Source);

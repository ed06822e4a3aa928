namespace ManageIQ.OpenScap.Demo.Tests.Support;

/// <summary>A package of the local test archive: its control fields and, unless its doc directory is a link, its changelog.</summary>
/// <param name="Name">The binary package.</param>
/// <param name="Version">Its version in the archive.</param>
/// <param name="Source">The source package (the Source field when it differs from the name).</param>
/// <param name="Changelog">The Debian changelog's text; null makes usr/share/doc/NAME a link to the source's directory.</param>
/// <param name="Native">Written as usr/share/doc/NAME/changelog.gz, as a native package's is.</param>
public sealed record FakeDeb(string Name, string Version, string Source, string? Changelog, bool Native = false);

namespace ManageIQ.OpenScap.Testing;

/// <summary>One source package of a synthetic RPM root: empty noarch binary packages built with rpmbuild.</summary>
/// <param name="Name">%{NAME}, the source RPM's and the main binary package's name.</param>
/// <param name="Version">%{VERSION}.</param>
/// <param name="Release">%{RELEASE}.</param>
/// <param name="Epoch">%{EPOCH}, when the package has one.</param>
/// <param name="SubPackages">Further binary packages built from the same source RPM (<c>%package -n NAME</c>), installed too.</param>
public sealed record RpmPackage(string Name, string Version, string Release, int? Epoch = null, IReadOnlyList<string>? SubPackages = null)
{
    /// <summary>Every binary package's name: the main one, then the subpackages.</summary>
    public IEnumerable<string> BinaryNames => SubPackages is null ? [Name] : SubPackages.Prepend(Name);
}

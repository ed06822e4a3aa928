namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// What the image's package databases hold, as names a feed's package objects are compared with: binary and source
/// package names alike (feeds name either). A null set means that database was not read, so its tests stay unknown.
/// </summary>
/// <param name="Dpkg">The names dpkginfo can find; empty when the image has no dpkg database.</param>
/// <param name="Rpm">The names rpminfo can find; empty when the image has no RPM database.</param>
public sealed record ImagePackages(IReadOnlySet<string>? Dpkg, IReadOnlySet<string>? Rpm)
{
    /// <summary>Whether the probe of <paramref name="database"/> could find <paramref name="name"/>; null when unknown.</summary>
    public bool? MayHave(PackageDatabase database, string name)
    {
        var names = database == PackageDatabase.Dpkg ? Dpkg : Rpm;
        if (names is null)
        {
            return null;
        }

        // "libc6:amd64" names the package with its architecture: compare the bare name too, so it is never dropped.
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return names.Contains(name) || (colon > 0 && names.Contains(name[..colon]));
    }
}

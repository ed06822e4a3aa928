namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// An RPM package URL as Red Hat writes them: <c>pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&amp;epoch=1</c>
/// (the version without epoch; the epoch a qualifier). Unfixed components have no version.
/// </summary>
/// <param name="Name">The RPM name.</param>
/// <param name="VersionRelease">The purl version, <c>version-release</c>; null when absent.</param>
/// <param name="Arch">The <c>arch</c> qualifier; null when absent.</param>
/// <param name="Epoch">The <c>epoch</c> qualifier; null when absent.</param>
public sealed record RpmPackageUrl(string Name, string? VersionRelease, string? Arch, string? Epoch)
{
    private const string Prefix = "pkg:rpm/";

    /// <summary>True for a source RPM (<c>arch=src</c>, or no arch on an unfixed component).</summary>
    public bool IsSource => Arch is null or "src" or "nosrc";

    /// <summary><c>epoch:version-release</c>, epoch 0 when absent, as OVAL's <c>evr_string</c> compares; null without a version.</summary>
    public string? Evr => VersionRelease is null ? null : (Epoch ?? "0") + ":" + VersionRelease;

    /// <summary>Null when <paramref name="purl"/> is not an <c>rpm</c> purl with a name (rpmmod, oci and others are not RPMs).</summary>
    /// <exception cref="FormatException">It is an rpm purl whose parts are malformed.</exception>
    public static RpmPackageUrl? Parse(string purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (!purl.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = purl[Prefix.Length..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        rest = hash >= 0 ? rest[..hash] : rest;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var qualifiers = question >= 0 ? rest[(question + 1)..] : string.Empty;
        rest = question >= 0 ? rest[..question] : rest;
        var at = rest.LastIndexOf('@');
        var version = at >= 0 ? Decode(rest[(at + 1)..]) : null;
        var path = at >= 0 ? rest[..at] : rest;
        var name = Decode(path[(path.LastIndexOf('/') + 1)..]);
        if (name.Length == 0)
        {
            throw new FormatException($"the purl {purl} has no package name");
        }

        if (version is not null && (version.Length == 0 || !version.Contains('-', StringComparison.Ordinal)))
        {
            throw new FormatException($"the purl {purl}'s version is not version-release");
        }

        string? arch = null, epoch = null;
        foreach (var pair in qualifiers.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals >= 0 ? pair[..equals].ToLowerInvariant() : pair;
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : string.Empty;
            if (key == "arch")
            {
                arch = value;
            }
            else if (key == "epoch")
            {
                epoch = value.Length > 0 && value.All(char.IsAsciiDigit) ? value : throw new FormatException($"the purl {purl}'s epoch is not a number");
            }
        }

        return new RpmPackageUrl(name, version, arch, epoch);
    }

    private static string Decode(string part)
    {
        try
        {
            return Uri.UnescapeDataString(part);
        }
        catch (UriFormatException e)
        {
            throw new FormatException($"'{part}' is not percent-encoded correctly", e);
        }
    }
}

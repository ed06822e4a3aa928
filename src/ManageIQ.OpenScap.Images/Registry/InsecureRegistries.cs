namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// The registries configured as insecure, entries <c>host[:port]</c> or <c>http://host[:port]</c>. The one
/// rule every check uses (which scheme to ping, whether TLS errors are tolerated, whether a plain-HTTP token
/// realm is allowed): host and port must both match, and an entry without a port stands for the default
/// port of the scheme in use (443 for HTTPS, 80 for HTTP).
/// </summary>
internal sealed class InsecureRegistries
{
    private readonly List<InsecureRegistry> _entries;

    /// <exception cref="FormatException">An entry is not <c>[http://]host[:port]</c>.</exception>
    public InsecureRegistries(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.Select(Parse)];
    }

    /// <summary>The entry for a registry as image references write it (<c>host[:port]</c>), or null.</summary>
    public InsecureRegistry? Find(string registry) =>
        Uri.TryCreate("https://" + registry + "/", UriKind.Absolute, out var uri) ? Find(uri) : null;

    /// <summary>The entry whose host and port are those of <paramref name="uri"/>, or null.</summary>
    public InsecureRegistry? Find(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var defaultPort = uri.Scheme == Uri.UriSchemeHttp ? 80 : 443;
        return _entries.FirstOrDefault(e => e.Authority.HostIs(uri.IdnHost) && (e.Authority.Port ?? defaultPort) == uri.Port);
    }

    private static InsecureRegistry Parse(string entry)
    {
        var text = entry.Trim().TrimEnd('/');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return RegistryAuthority.TryParse(scheme >= 0 ? text[(scheme + 3)..] : text, out var authority)
            ? new InsecureRegistry(authority, text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            : throw new FormatException($"insecure registry '{entry}' is not [http://]host[:port]");
    }
}

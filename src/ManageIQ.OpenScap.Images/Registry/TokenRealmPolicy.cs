namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// Where a registry's credentials may go with a token request: to a realm on the registry's own host (any
/// port), or on a host configured or built in as its auth server. A challenge is the registry's to write, so
/// without this a registry, or whoever answers for it, could name any realm and collect the credentials.
/// </summary>
internal sealed class TokenRealmPolicy
{
    // Docker Hub serves its API on registry-1.docker.io and its tokens on auth.docker.io; quay.io's realm is its own host.
    private static readonly RegistryAuthServer[] BuiltIn =
    [
        new() { Registry = ImageReference.DefaultRegistry, AuthHost = "auth.docker.io" },
        new() { Registry = "registry-1.docker.io", AuthHost = "auth.docker.io" },
        new() { Registry = "quay.io", AuthHost = "quay.io" },
    ];

    private readonly List<RegistryAuthServer> _servers;

    public TokenRealmPolicy(IEnumerable<RegistryAuthServer> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        _servers = [.. BuiltIn, .. configured];
    }

    /// <summary>True when the credentials for <paramref name="reference"/>'s registry may be sent to <paramref name="realm"/>.</summary>
    public bool MaySendCredentials(ImageReference reference, Uri realm)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(realm);
        return MaySendCredentials(reference.Registry, realm) || MaySendCredentials(reference.ApiHost, realm);
    }

    private bool MaySendCredentials(string registry, Uri realm)
    {
        if (!RegistryAuthority.TryParse(registry, out var target))
        {
            return false;
        }

        return target.HostIs(realm.IdnHost)
            || _servers.Any(s => AppliesTo(s.Registry, target) && RegistryAuthority.TryParse(s.AuthHost, out var auth) && auth.HostIs(realm.IdnHost));
    }

    // An entry without a port applies to every port of its host.
    private static bool AppliesTo(string entry, RegistryAuthority target) =>
        RegistryAuthority.TryParse(entry, out var authority) && target.HostIs(authority.Host) && (authority.Port is null || authority.Port == target.Port);
}

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// A token service trusted with a registry's credentials (<c>ImageAcquisition:AuthServers:N</c>): when the
/// registry's Bearer challenge names a realm on <see cref="AuthHost"/>, the credentials go with the token request.
/// </summary>
public sealed class RegistryAuthServer
{
    /// <summary>The registry as image references write it: <c>host</c> (every port) or <c>host:port</c>.</summary>
    public string Registry { get; set; } = string.Empty;

    /// <summary>The token service's host name, any port.</summary>
    public string AuthHost { get; set; } = string.Empty;

    public override string ToString() => $"{Registry} -> {AuthHost}";
}

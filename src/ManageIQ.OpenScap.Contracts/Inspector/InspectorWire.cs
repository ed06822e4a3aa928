namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>The inspector's port, authentication and scan type, as image-inspector named them.</summary>
public static class InspectorWire
{
    /// <summary>The port the inspector serves on inside the scanning pod.</summary>
    public const int Port = 8080;

    /// <summary>
    /// image-inspector's shared-secret header. A custom header, because the Kubernetes API proxy strips
    /// <c>Authorization</c>.
    /// </summary>
    public const string AuthTokenHeader = "X-Auth-Token";

    /// <summary>The environment variable holding the shared token when no token file is given.</summary>
    public const string AuthTokenVariable = "INSPECTOR_AUTH_TOKEN";

    /// <summary>
    /// The CVE feed URL when <c>--cve-url</c> is absent: a URL with credentials reaches a scanning pod through its secret,
    /// never its command line.
    /// </summary>
    public const string CveUrlVariable = "INSPECTOR_CVE_URL";

    /// <summary>The only <c>--scan-type</c>.</summary>
    public const string ScanType = "openscap";

    /// <summary>The prefix of the inspector's configuration environment variables (<c>MIQ_INSPECTOR_Section__Key</c>).</summary>
    public const string EnvironmentPrefix = "MIQ_INSPECTOR_";
}

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>How to reach one cluster, and which ManageIQ provider it belongs to.</summary>
public sealed class ClusterConnectionOptions
{
    /// <summary>A name of this bridge's own for the cluster (logs, metrics).</summary>
    public string Name { get; set; } = "";

    /// <summary>The ManageIQ provider id (<c>/api/providers/:id</c>) this cluster serves, if matched by id.</summary>
    public string? ProviderId { get; set; }

    /// <summary>The ManageIQ provider name this cluster serves, if matched by name.</summary>
    public string? ProviderName { get; set; }

    public ClusterAuthMode Mode { get; set; } = ClusterAuthMode.InCluster;

    /// <summary>Kubeconfig mode: the kubeconfig file.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>Kubeconfig mode: the context; the file's current context when empty.</summary>
    public string? Context { get; set; }

    /// <summary>Token mode: the API server address, e.g. <c>https://api.cluster.example:6443</c>.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Token mode: a file holding the bearer token; re-read when it changes (rotated tokens).</summary>
    public string? TokenFile { get; set; }

    /// <summary>Token mode: PEM file of the CA that signed the API server's certificate (required for https).</summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Accepts a plain <c>http://</c> API address that carries credentials (a bearer token or a password) to a host
    /// other than a loopback address; without it such an address is refused at start. Logged as a warning.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>OpenShift clusters also get the image annotations; plain Kubernetes does not have Image objects.</summary>
    public ClusterPlatform Platform { get; set; } = ClusterPlatform.Kubernetes;

    /// <summary>The scanning namespace, as ManageIQ's <c>miq_namespace</c>.</summary>
    public string Namespace { get; set; } = "management-infra";
}

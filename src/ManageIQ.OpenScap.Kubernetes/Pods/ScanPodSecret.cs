using System.Text;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>
/// The Secret of one scanning pod, named as the pod: the inspector's token and every credential the pod needs
/// (proxy addresses with a user, a CVE feed URL with a user). The pod reads them through <c>secretKeyRef</c>, so
/// they are in neither the pod spec nor any process's command line. Labelled like the pod for the orphan sweep.
/// </summary>
public static class ScanPodSecret
{
    public const string AuthTokenKey = "auth-token";
    public const string HttpProxyKey = "http-proxy";
    public const string HttpsProxyKey = "https-proxy";
    public const string CveUrlKey = "cve-url";
    public const string TailoringKey = "tailoring.xml";

    /// <summary>A Secret holds at most 1 MiB; the tailoring leaves room for the rest (SSG's own are a few kilobytes).</summary>
    public const int MaxTailoringBytes = 512 * 1024;

    /// <summary>Where the inspector reads the tailoring in the pod.</summary>
    public const string TailoringFilePath = ScanPodMetadata.TailoringPath + "/" + TailoringKey;

    /// <summary>The inspector's shared token (image-inspector's variable).</summary>
    public const string AuthTokenVariable = Contracts.Inspector.InspectorWire.AuthTokenVariable;

    /// <summary>The CVE feed URL, for a URL that holds credentials; the inspector reads it when <c>--cve-url</c> is absent.</summary>
    public const string CveUrlVariable = Contracts.Inspector.InspectorWire.CveUrlVariable;

    public static V1Secret Build(ScanPodSpec spec, ScanPodOptions options, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                data[key] = Encoding.UTF8.GetBytes(value);
            }
        }

        Put(AuthTokenKey, spec.AuthToken);
        Put(HttpProxyKey, HoldsCredentials(HttpProxy(spec, options)) ? HttpProxy(spec, options) : null);
        Put(HttpsProxyKey, HoldsCredentials(HttpsProxy(spec, options)) ? HttpsProxy(spec, options) : null);
        Put(CveUrlKey, CveUrlHoldsCredentials(spec, options) ? CveUrl(spec, options) : null);
        if (spec.Content.Tailoring is { } tailoring)
        {
            data[TailoringKey] = tailoring.ToArray();
        }
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = "Opaque",
            Metadata = new V1ObjectMeta
            {
                Name = spec.Name,
                NamespaceProperty = spec.Namespace,
                Labels = ScanPodMetadata.Labels(ownerId),
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [ScanPodMetadata.JobIdAnnotation] = spec.JobId },
            },
            Data = data,
        };
    }

    /// <summary>A proxy setting with a user in it (<c>http://user:password@proxy:3128</c>).</summary>
    public static bool HoldsCredentials(string? proxy) => proxy?.Contains('@', StringComparison.Ordinal) == true;

    public static bool HoldsCredentials(Uri? url) => url is { IsAbsoluteUri: true } && url.UserInfo.Length > 0;

    /// <summary>The scan's HTTP proxy: its own (the provider's), else <c>Kubernetes:Pod:HttpProxy</c>.</summary>
    public static string? HttpProxy(ScanPodSpec spec, ScanPodOptions options) => Own(spec.Content.Proxy?.HttpProxy) ?? options.HttpProxy;

    public static string? HttpsProxy(ScanPodSpec spec, ScanPodOptions options) => Own(spec.Content.Proxy?.HttpsProxy) ?? options.HttpsProxy;

    public static string? NoProxy(ScanPodSpec spec, ScanPodOptions options) => Own(spec.Content.Proxy?.NoProxy) ?? options.NoProxy;

    /// <summary>The CVE feed of the scan: its own (<see cref="ScanPodContent.CveUrl"/>), else <c>Kubernetes:Pod:CveUrl</c>.</summary>
    public static string? CveUrl(ScanPodSpec spec, ScanPodOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        return spec.Content.CveUrl ?? options.CveUrl?.OriginalString;
    }

    /// <summary>The scan's CVE feed is a URL with a user in it, so it goes through the secret.</summary>
    public static bool CveUrlHoldsCredentials(ScanPodSpec spec, ScanPodOptions options) =>
        Uri.TryCreate(CveUrl(spec, options), UriKind.Absolute, out var url) && HoldsCredentials(url);

    private static string? Own(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>An environment variable read from this pod's secret.</summary>
    public static V1EnvVar Variable(ScanPodSpec spec, string name, string key)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new V1EnvVar { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = spec.Name, Key = key } } };
    }

    /// <summary>Makes the pod the secret's owner, so the garbage collector deletes the secret with the pod.</summary>
    public static V1Patch OwnedBy(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var owner = new V1OwnerReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid };
        var patch = new V1Secret { Metadata = new V1ObjectMeta { OwnerReferences = [owner] } };
        return new V1Patch(k8s.KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch);
    }
}

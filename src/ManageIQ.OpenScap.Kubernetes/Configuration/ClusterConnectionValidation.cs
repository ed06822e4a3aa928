using k8s;
using k8s.Exceptions;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>The per-mode rules of one cluster connection; files are checked to exist at start.</summary>
internal static class ClusterConnectionValidation
{
    /// <summary>Adds the problems to <paramref name="errors"/>, and to <paramref name="warnings"/> what start accepts but an operator must know.</summary>
    public static void Validate(string prefix, ClusterConnectionOptions cluster, List<string> errors, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(cluster.ProviderId) && string.IsNullOrWhiteSpace(cluster.ProviderName))
        {
            errors.Add($"{prefix}: set ProviderId or ProviderName to match the cluster to its ManageIQ provider.");
        }

        if (!DnsLabel.IsValid(cluster.Namespace))
        {
            errors.Add($"{prefix}:Namespace '{cluster.Namespace}' is not a valid namespace name (DNS-1123 label).");
        }

        switch (cluster.Mode)
        {
            case ClusterAuthMode.InCluster:
                if (!KubernetesClientConfiguration.IsInCluster())
                {
                    errors.Add($"{prefix}:Mode is InCluster but this process does not run in a pod with a service account token; use Kubeconfig or Token.");
                }

                break;
            case ClusterAuthMode.Kubeconfig:
                if (RequireFile(errors, $"{prefix}:KubeconfigPath", cluster.KubeconfigPath) && RequireContext(errors, prefix, cluster) is { } loaded)
                {
                    var sendsCredentials = loaded.AccessToken is not null || loaded.TokenProvider is not null || !string.IsNullOrEmpty(loaded.Username);
                    if (sendsCredentials && Uri.TryCreate(loaded.Host, UriKind.Absolute, out var server))
                    {
                        PlainHttpRule.Check($"{prefix} (kubeconfig server)", $"{prefix}:AllowPlainHttp", server, cluster.AllowPlainHttp, errors, warnings);
                    }
                }

                break;
            case ClusterAuthMode.Token:
                if (cluster.ApiUrl is not { IsAbsoluteUri: true } || (cluster.ApiUrl.Scheme != Uri.UriSchemeHttps && cluster.ApiUrl.Scheme != Uri.UriSchemeHttp))
                {
                    errors.Add($"{prefix}:ApiUrl is required in Token mode and must be an absolute http(s) URL.");
                }

                RequireFile(errors, $"{prefix}:TokenFile", cluster.TokenFile);
                if (cluster.ApiUrl?.Scheme == Uri.UriSchemeHttps)
                {
                    RequireFile(errors, $"{prefix}:CaFile", cluster.CaFile);
                }
                else if (cluster.ApiUrl is { IsAbsoluteUri: true } api)
                {
                    PlainHttpRule.Check($"{prefix}:ApiUrl", $"{prefix}:AllowPlainHttp", api, cluster.AllowPlainHttp, errors, warnings);
                }

                break;
            default:
                errors.Add($"{prefix}:Mode '{cluster.Mode}' is not InCluster, Kubeconfig or Token.");
                break;
        }
    }

    private static bool RequireFile(List<string> errors, string key, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{key} is required.");
            return false;
        }

        if (!File.Exists(path))
        {
            errors.Add($"{key}: file '{path}' does not exist.");
            return false;
        }

        return true;
    }

    /// <summary>Loads the kubeconfig once at start so a wrong context or a broken file is reported before any scan.</summary>
    private static KubernetesClientConfiguration? RequireContext(List<string> errors, string prefix, ClusterConnectionOptions cluster)
    {
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath, string.IsNullOrEmpty(cluster.Context) ? null : cluster.Context);
        }
        catch (KubeConfigException ex)
        {
            errors.Add($"{prefix}: kubeconfig '{cluster.KubeconfigPath}' cannot be used (context '{cluster.Context}'): {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            errors.Add($"{prefix}: kubeconfig '{cluster.KubeconfigPath}' cannot be read: {ex.Message}");
        }

        return null;
    }
}

using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Connections;
using ManageIQ.OpenScap.Kubernetes.Pods;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>
/// The pull secrets of the inspector-admin service account, with the key each keeps its credentials under
/// (<c>.dockercfg</c> or <c>.dockerconfigjson</c>, by secret type). Cached briefly so a busy bridge does not read
/// them once per scan. A missing service account means no secrets (as in ManageIQ), with a warning.
/// </summary>
internal sealed class PullSecretResolver(IOptions<KubernetesScanningOptions> options, TimeProvider time, ILogger<PullSecretResolver> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, IReadOnlyList<PullSecret> Secrets)> cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<PullSecret>> GetAsync(ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(cluster.Name, out var cached) && cached.Expires > now)
        {
            return cached.Secrets;
        }

        var secrets = await ReadAsync(cluster, cancellationToken);
        cache[cluster.Name] = (now + options.Value.PullSecretsCacheDuration, secrets);
        return secrets;
    }

    private async Task<IReadOnlyList<PullSecret>> ReadAsync(ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var account = options.Value.Pod.PullSecretsServiceAccount;
        try
        {
            var serviceAccount = await cluster.Client.CoreV1.ReadNamespacedServiceAccountAsync(account, cluster.Namespace, cancellationToken: cancellationToken);
            var secrets = new List<PullSecret>();
            foreach (var reference in serviceAccount.ImagePullSecrets ?? [])
            {
                if (!string.IsNullOrEmpty(reference?.Name) && await ReadSecretAsync(cluster, reference.Name, cancellationToken) is { } secret)
                {
                    secrets.Add(secret);
                }
            }

            return secrets;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            Log.PullSecretsAccountMissing(logger, cluster.Name, cluster.Namespace, account);
            return [];
        }
        catch (HttpOperationException ex)
        {
            throw new ScanPodException(ScanPodFailure.ApiError, $"Reading service account {cluster.Namespace}/{account} for pull secrets failed with {(int)ex.Response.StatusCode}.", ex);
        }
    }

    private async Task<PullSecret?> ReadSecretAsync(ClusterConnection cluster, string name, CancellationToken cancellationToken)
    {
        try
        {
            // Only the type and key names are used; the credentials themselves stay in the cluster and reach the pod as a volume.
            var secret = await cluster.Client.CoreV1.ReadNamespacedSecretAsync(name, cluster.Namespace, cancellationToken: cancellationToken);
            var key = secret.Type switch
            {
                "kubernetes.io/dockerconfigjson" => PullSecret.DockerConfigJsonKey,
                "kubernetes.io/dockercfg" => PullSecret.DockerCfgKey,
                _ when secret.Data?.ContainsKey(PullSecret.DockerConfigJsonKey) == true => PullSecret.DockerConfigJsonKey,
                _ when secret.Data?.ContainsKey(PullSecret.DockerCfgKey) == true => PullSecret.DockerCfgKey,
                _ => null,
            };
            if (key is null)
            {
                Log.PullSecretUnusable(logger, cluster.Name, name, secret.Type ?? "");
                return null;
            }

            return new PullSecret(name, key);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            Log.PullSecretUnusable(logger, cluster.Name, name, "missing");
            return null;
        }
    }
}

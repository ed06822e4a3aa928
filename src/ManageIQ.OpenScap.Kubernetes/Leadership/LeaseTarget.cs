using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>The Lease the bridge holds: in its own namespace, on the cluster it runs in.</summary>
internal sealed record LeaseTarget(string Namespace, string Name)
{
    /// <summary>Where Kubernetes tells a pod its namespace.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    private const string Prefix = LeadershipOptions.SectionName + ":";

    public override string ToString() => $"Lease {Namespace}/{Name}";

    /// <summary><c>Bridge:Leadership:Namespace</c> when set, else the pod's own namespace from <paramref name="namespaceFile"/>.</summary>
    /// <exception cref="InvalidOperationException">No valid name or namespace; the message names the key.</exception>
    public static LeaseTarget Resolve(LeadershipOptions options, string namespaceFile = ServiceAccountNamespaceFile)
    {
        var (target, problem) = TryResolve(options, namespaceFile);
        return target ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The target, or why there is none (naming the key).</summary>
    public static (LeaseTarget? Target, string? Problem) TryResolve(LeadershipOptions options, string namespaceFile = ServiceAccountNamespaceFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!DnsSubdomain.IsValid(options.LeaseName))
        {
            return (null, $"{Prefix}LeaseName '{options.LeaseName}' is not a valid object name (lowercase DNS-1123 subdomain of at most {DnsSubdomain.MaxLength} characters).");
        }

        var ns = options.Namespace;
        if (string.IsNullOrWhiteSpace(ns))
        {
            try
            {
                ns = File.ReadAllText(namespaceFile).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"{Prefix}Namespace is not set and the pod's namespace cannot be read from {namespaceFile} ({ex.Message}): set {Prefix}Namespace to the bridge's own namespace.");
            }
        }

        return DnsLabel.IsValid(ns)
            ? (new LeaseTarget(ns, options.LeaseName), null)
            : (null, $"{Prefix}Namespace '{ns}' is not a valid namespace (lowercase DNS-1123 label).");
    }
}

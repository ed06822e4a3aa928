using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Containers.Tests.Support;

/// <summary>
/// The scanning pod exactly as the orchestrator builds it (<see cref="ScanPodBuilder.Build"/> with the default
/// limits and security settings), for one image of the loopback registry and the locally built inspector image.
/// </summary>
public static class ScanningPod
{
    public const string Namespace = "management-infra";
    public const string OwnerId = "manageiq-openscap";

    /// <summary>The options: the defaults, but the image built by tests/containers.sh and the loopback registry.</summary>
    public static ScanPodOptions Options(string registryHost)
    {
        var (repository, tag) = SplitTag(ContainerImages.Inspector);
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        var options = new ScanPodOptions
        {
            InspectorRegistry = repository[..slash],
            InspectorRepository = repository[(slash + 1)..],
            InspectorTag = tag,
            ImagePullPolicy = "Never",
        };
        options.InsecureRegistries.Add(registryHost);
        return options;
    }

    public static ScanPodSpec Spec(string image)
    {
        var jobId = "job-" + Guid.NewGuid().ToString("N")[..8];
        return new(ScanPodName.For(jobId, "1"), Namespace, jobId, image, null, TimeSpan.FromMinutes(20), DateTimeOffset.UtcNow.AddMinutes(20), []);
    }

    public static V1Pod Build(ScanPodSpec spec, ScanPodOptions options) => ScanPodBuilder.Build(spec, options, OwnerId);

    private static (string Repository, string Tag) SplitTag(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return (reference[..colon], reference[(colon + 1)..]);
    }
}

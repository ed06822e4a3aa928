using System.Globalization;
using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The scanning pod the orchestrator sends to the API server, serialized to YAML for <c>podman kube play --network host</c>.
/// One change, listed in <see cref="Adapted"/>: with host networking the pod shares the host's ports, so it
/// serves on 127.0.0.1 and a free port instead of 0.0.0.0:8080 (in a cluster the pod has its own network).
/// </summary>
public sealed class PlayedPod
{
    /// <summary>What is changed in the pod for podman, and why.</summary>
    public static IReadOnlyDictionary<string, string> Adapted { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [InspectorFlagNames.Serve] = "host networking shares the host's ports: 127.0.0.1 and a free port, not every interface and 8080",
        ["readinessProbe.httpGet.port"] = "the same port as the serve address",
        ["ports"] = "removed: podman refuses port mappings under host networking (\"PortMappings can only be used with Bridge or slirp4netns networking\")",
    };

    private PlayedPod(V1Pod pod, int port)
    {
        Pod = pod;
        Port = port;
    }

    public V1Pod Pod { get; }

    public int Port { get; }

    public string Name => Pod.Metadata.Name;

    /// <summary>podman's name for the pod's one container.</summary>
    public string ContainerName => Name + "-" + ScanPodMetadata.ContainerName;

    public string Yaml => KubernetesYaml.Serialize(Pod);

    public static PlayedPod For(string image)
    {
        var pod = ScanningPod.Build(ScanningPod.Spec(image), ScanningPod.Options(ScannedImages.Registry.Host));
        var port = InspectorContainer.FreePort();
        var container = pod.Spec.Containers.Single();
        var serve = container.Args.Single(a => a.StartsWith(InspectorFlagNames.Serve + "=", StringComparison.Ordinal));
        container.Args[container.Args.IndexOf(serve)] = string.Create(CultureInfo.InvariantCulture, $"{InspectorFlagNames.Serve}=127.0.0.1:{port}");
        container.ReadinessProbe.HttpGet.Port = port;
        container.Ports = null;
        return new PlayedPod(pod, port);
    }
}

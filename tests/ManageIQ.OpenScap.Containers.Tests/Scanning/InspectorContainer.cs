using System.Net;
using System.Net.Sockets;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The inspector image run by <c>podman run</c> exactly under the scanning pod's security context (taken from
/// the V1Pod the builder makes), with host networking so that it reaches the loopback registry.
/// </summary>
public static class InspectorContainer
{
    public const string ResultsPath = ScanPodMetadata.ScratchPath + "/results";

    /// <summary>The pod's scan, one-shot: its results directory is bind-mounted from the host to be read after the exit.</summary>
    public static Task<Podman.Result> RunOneShotAsync(string image, string hostResults, CancellationToken cancellationToken, params string[] extraMounts)
    {
        var (pod, invocation) = Pod(image);
        Directory.CreateDirectory(hostResults);
        File.SetUnixFileMode(hostResults, (UnixFileMode)0x1FF); // 0777, as the emptyDir it stands for
        string[] arguments =
        [
            "run", "--rm", "--network=host", "--pull=never", .. PodmanSecurityContext.Arguments(pod.Spec),
            $"--mount=type=bind,source={hostResults},destination={ResultsPath}", .. extraMounts,
            ContainerImages.Inspector, .. (invocation with { Serve = null }).ToArguments(),
        ];
        return Podman.RunAsync(arguments, cancellationToken);
    }

    /// <summary>The pod's scan in serve mode, detached; returns the container name and the loopback port it serves on.</summary>
    public static async Task<(string Name, int Port)> StartServingAsync(string image, CancellationToken cancellationToken)
    {
        var (pod, invocation) = Pod(image);
        var port = FreePort();
        var name = pod.Metadata.Name;
        string[] arguments =
        [
            "run", "--detach", "--name=" + name, "--network=host", "--pull=never", .. PodmanSecurityContext.Arguments(pod.Spec),
            ContainerImages.Inspector, .. (invocation with { Serve = $"127.0.0.1:{port}" }).ToArguments(),
        ];
        await Podman.CheckAsync(arguments, cancellationToken);
        return (name, port);
    }

    /// <summary>A free port on 127.0.0.1: host networking shares the host's ports, so the pod's fixed 8080 could be taken.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (k8s.Models.V1Pod Pod, InspectorInvocation Invocation) Pod(string image)
    {
        var options = ScanningPod.Options(ScannedImages.Registry.Host);
        var spec = ScanningPod.Spec(image);
        var pod = ScanningPod.Build(spec, options);
        // The pod's arguments, as the builder made them, are InspectorArguments.For(spec, options).ToArguments().
        Assert.That(pod.Spec.Containers.Single().Args, Is.EqualTo(InspectorArguments.Invocation(spec, options).ToArguments()));
        return (pod, InspectorArguments.Invocation(spec, options));
    }
}

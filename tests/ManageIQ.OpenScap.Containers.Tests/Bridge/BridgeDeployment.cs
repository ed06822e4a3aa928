using k8s;
using k8s.Models;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Bridge;

/// <summary>
/// The bridge container as manifests/base/deployment.yaml runs it: its security context, its arguments, its plain
/// environment and its volumes (the ConfigMap and the PVC as host directories, the emptyDir as a tmpfs), with the
/// Secret's credentials as environment variables and host networking.
/// </summary>
public sealed class BridgeDeployment : IDisposable
{
    private readonly TempDirectory _directory = new("miq-bridge-");

    public BridgeDeployment()
    {
        Deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(RepositoryRoot.Combine("manifests", "base", "deployment.yaml")));
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(StateDirectory);
        File.SetUnixFileMode(StateDirectory, (UnixFileMode)0x1FF); // a fresh volume the fsGroup may write: 0777 stands in
    }

    public V1Deployment Deployment { get; }

    public V1Container Container => Deployment.Spec.Template.Spec.Containers.Single();

    /// <summary>The ConfigMap's directory: write appsettings.json here.</summary>
    public string ConfigDirectory => _directory.Combine("config");

    public string StateDirectory => _directory.Combine("state");

    /// <summary>The <c>podman run</c> arguments up to the image's arguments, which are the Deployment's.</summary>
    public IReadOnlyList<string> RunArguments(string name, string user, string password)
    {
        var volumes = new Dictionary<string, string>(StringComparer.Ordinal) { ["config"] = ConfigDirectory, ["state"] = StateDirectory };
        var environment = (Container.Env ?? []).Where(e => e.Value is not null).Select(e => $"--env={e.Name}={e.Value}");
        return
        [
            "run", "--name=" + name, "--network=host", "--pull=never", .. PodmanSecurityContext.Arguments(Deployment.Spec.Template.Spec, volumes),
            .. environment, $"--env={ManageIqCredentials.UserVariable}={user}", $"--env={ManageIqCredentials.PasswordVariable}={password}",
            ContainerImages.Bridge, .. Container.Args,
        ];
    }

    public void Dispose() => _directory.Dispose();
}

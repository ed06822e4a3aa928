using System.Diagnostics;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Manifests;

/// <summary>
/// <c>kubectl kustomize DIR</c> with a real kubectl: Debian 12's (kubernetes-client 1.20, kustomize v2.0.3,
/// unpacked by tests/setup.sh), or the kubectl on PATH (a current kustomize) when the machine has one.
/// </summary>
public static class Kustomize
{
    public const string Debian = "debian-kubectl-1.20";
    public const string OnPath = "kubectl-on-path";

    public static string DebianKubectl =>
        Path.Combine(Environment.GetEnvironmentVariable("MIQ_DEBIAN_KUBECTL_DIR") ?? "/usr/local/lib/miq-openscap/kubernetes-client", "usr", "bin", "kubectl");

    /// <summary>The rendered YAML of <paramref name="directory"/> (relative to the repository root).</summary>
    public static string Render(string kubectl, string directory)
    {
        var psi = new ProcessStartInfo(Executable(kubectl)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("kustomize");
        psi.ArgumentList.Add(RepositoryRoot.Combine(directory));
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"kubectl kustomize {directory}: {error.Result}");
        return output.Result;
    }

    private static string Executable(string kubectl)
    {
        if (kubectl == Debian)
        {
            Assert.That(File.Exists(DebianKubectl), Is.True, $"{DebianKubectl} is missing; run tests/setup.sh as root");
            return DebianKubectl;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
        if (onPath is null)
        {
            Assert.Ignore("no kubectl on PATH: rendered with Debian's kubectl 1.20 only");
        }

        return onPath!;
    }
}

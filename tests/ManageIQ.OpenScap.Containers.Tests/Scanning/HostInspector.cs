using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// The inspector run on this host, one-shot, with the pod's command line but host directories, and unprivileged
/// as the pod is (nobody, when the tests run as root): a non-root unpack cannot keep the image's owners, so a
/// root scan would differ from the pod's on the file owner rules for that reason alone.
/// </summary>
public static class HostInspector
{
    public sealed record Run(int ExitCode, string Output, string Error, string ResultsDirectory);

    /// <summary>Scans <paramref name="image"/> with work and results in <paramref name="directory"/> (given to nobody).</summary>
    public static async Task<Run> RunAsync(string image, TempDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ChildProcess.GiveToNobody(directory.Path);
        var invocation = new InspectorInvocation
        {
            Image = image,
            WorkDirectory = directory.Combine("work"),
            ResultsDirectory = directory.Combine("results"),
            InsecureRegistries = [ScannedImages.Registry.Host],
        };
        await using var inspector = await ChildProcess.RunAsync("ManageIQ.OpenScap.Inspector.dll", invocation.ToArguments(), unprivileged: true, cancellationToken);
        return new Run(inspector.ExitCode, inspector.Output, inspector.Error, invocation.ResultsDirectory);
    }
}

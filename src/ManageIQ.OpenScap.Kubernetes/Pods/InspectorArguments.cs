using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>The inspector's command line in the scanning pod, built from the inspector's own contract.</summary>
public static class InspectorArguments
{
    public static IList<string> For(ScanPodSpec spec, ScanPodOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        return Invocation(spec, options).ToArguments();
    }

    public static InspectorInvocation Invocation(ScanPodSpec spec, ScanPodOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        return new InspectorInvocation
        {
            Image = spec.Image,
            Serve = InspectorInvocation.ServeEverywhere,
            WorkDirectory = ScanPodMetadata.ScratchPath,
            ResultsDirectory = ScanPodMetadata.ScratchPath + "/results",
            HtmlReport = spec.Content.HtmlReport,
            DockerConfigFiles = [.. spec.PullSecrets.Select(s => s.FilePath)],
            InsecureRegistries = [.. options.InsecureRegistries],
            // A feed asked for by this scan wins over the pod's configured one.
            CveUrl = spec.Content.CveUrl ?? options.CveUrl?.ToString(),
            SsgDataStream = spec.Content.DataStream,
            SsgProfile = spec.Content.Profile,
        };
    }
}

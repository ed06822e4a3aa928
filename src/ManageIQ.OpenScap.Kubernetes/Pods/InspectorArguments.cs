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
            // A URL with a user in it reaches the inspector through its secret (INSPECTOR_CVE_URL), not the command line.
            CveUrl = ScanPodSecret.CveUrlHoldsCredentials(spec, options) ? null : ScanPodSecret.CveUrl(spec, options),
            SsgDataStream = spec.Content.DataStream,
            SsgProfile = spec.Content.Profile,
            TailoringFile = spec.Content.Tailoring is null ? null : ScanPodSecret.TailoringFilePath,
        };
    }
}

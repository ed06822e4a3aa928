using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>The inspector's command line; the flags keep image-inspector's names.</summary>
public static class InspectorArguments
{
    public static IList<string> For(ScanPodSpec spec, ScanPodOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var arguments = new List<string>
        {
            $"--image={spec.Image}",
            "--scan-type=openscap",
            $"--serve=0.0.0.0:{ScanPodMetadata.InspectorPort}",
            $"--work-dir={ScanPodMetadata.ScratchPath}",
            $"--scan-results-dir={ScanPodMetadata.ScratchPath}/results",
            "--openscap-html-report",
        };
        arguments.AddRange(spec.PullSecrets.Select(s => $"--dockercfg={s.FilePath}"));
        // A URL with a user in it reaches the inspector through its secret (INSPECTOR_CVE_URL), not the command line.
        if (options.CveUrl is not null && !ScanPodSecret.HoldsCredentials(options.CveUrl))
        {
            arguments.Add($"--cve-url={options.CveUrl}");
        }

        arguments.AddRange(options.InsecureRegistries.Select(r => $"--insecure-registry={r}"));
        return arguments;
    }
}

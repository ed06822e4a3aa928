using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>
/// Checks the whole <c>Kubernetes</c> section at start, naming each wrong setting; logs what it accepts with a warning.
/// An empty <c>Clusters</c> list is valid (a local-only bridge): what needs a cluster says so (<see cref="ClusterRequirement"/>).
/// </summary>
public sealed class KubernetesScanningOptionsValidator(ILogger<KubernetesScanningOptionsValidator> logger) : IValidateOptions<KubernetesScanningOptions>
{
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TolerationOperators = ["Equal", "Exists"];
    private static readonly string[] TolerationEffects = ["", "NoSchedule", "PreferNoSchedule", "NoExecute"];

    public KubernetesScanningOptionsValidator()
        : this(NullLogger<KubernetesScanningOptionsValidator>.Instance)
    {
    }

    public ValidateOptionsResult Validate(string? name, KubernetesScanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var warnings = new List<string>();
        if (!DnsLabel.IsValid(options.OwnerId))
        {
            errors.Add($"Kubernetes:OwnerId '{options.OwnerId}' is not a valid label value (lowercase DNS-1123 label).");
        }

        RequirePositive(errors, "Kubernetes:OrphanSweepInterval", options.OrphanSweepInterval);
        RequirePositive(errors, "Kubernetes:CleanupTimeout", options.CleanupTimeout);
        RequirePositive(errors, "Kubernetes:RequestTimeout", options.RequestTimeout);
        RequirePositive(errors, "Kubernetes:ProxyTimeout", options.ProxyTimeout);
        RequirePositive(errors, "Kubernetes:ProxyIdleTimeout", options.ProxyIdleTimeout);
        RequirePositive(errors, "Kubernetes:WatchIdleTimeout", options.WatchIdleTimeout);
        if (options.MaxDeleteAttempts is < 1 or > 100)
        {
            errors.Add($"Kubernetes:MaxDeleteAttempts {options.MaxDeleteAttempts} must be between 1 and 100.");
        }

        if (options.MaxArfBytes <= 0)
        {
            errors.Add("Kubernetes:MaxArfBytes must be positive.");
        }

        if (options.MaxHtmlReportBytes <= 0)
        {
            errors.Add("Kubernetes:MaxHtmlReportBytes must be positive.");
        }
        if (options.PullSecretsCacheDuration < TimeSpan.Zero)
        {
            errors.Add("Kubernetes:PullSecretsCacheDuration must not be negative.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Clusters.Count; i++)
        {
            var cluster = options.Clusters[i];
            var prefix = $"Kubernetes:Clusters:{i}";
            if (string.IsNullOrWhiteSpace(cluster.Name))
            {
                errors.Add($"{prefix}:Name is required.");
            }
            else if (!seen.Add(cluster.Name))
            {
                errors.Add($"{prefix}:Name '{cluster.Name}' is used by two clusters.");
            }

            ClusterConnectionValidation.Validate(prefix, cluster, errors, warnings);
        }

        ValidatePod(options.Pod, errors);
        foreach (var warning in warnings)
        {
            Log.ConfigurationWarning(logger, warning);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidatePod(ScanPodOptions pod, List<string> errors)
    {
        const string prefix = "Kubernetes:Pod";
        RequirePositive(errors, $"{prefix}:ScanTimeout", pod.ScanTimeout);
        if (pod.ScanTimeout > ScanPodOptions.MaxScanTimeout)
        {
            errors.Add($"{prefix}:ScanTimeout {pod.ScanTimeout} exceeds the longest scan, {ScanPodOptions.MaxScanTimeout}.");
        }

        RequirePositive(errors, $"{prefix}:UnschedulableLimit", pod.UnschedulableLimit);
        RequireText(errors, $"{prefix}:InspectorRegistry", pod.InspectorRegistry);
        RequireText(errors, $"{prefix}:InspectorRepository", pod.InspectorRepository);
        RequireText(errors, $"{prefix}:InspectorTag", pod.InspectorTag);
        RequireText(errors, $"{prefix}:PullSecretsServiceAccount", pod.PullSecretsServiceAccount);
        if (!PullPolicies.Contains(pod.ImagePullPolicy, StringComparer.Ordinal))
        {
            errors.Add($"{prefix}:ImagePullPolicy '{pod.ImagePullPolicy}' is not one of {string.Join(", ", PullPolicies)}.");
        }

        if (pod.RunAsUser is <= 0)
        {
            errors.Add($"{prefix}:RunAsUser must be a non-root user id (> 0).");
        }

        RequireQuantity(errors, $"{prefix}:CpuRequest", pod.CpuRequest);
        RequireQuantity(errors, $"{prefix}:CpuLimit", pod.CpuLimit);
        RequireQuantity(errors, $"{prefix}:MemoryRequest", pod.MemoryRequest);
        RequireQuantity(errors, $"{prefix}:MemoryLimit", pod.MemoryLimit);
        RequireQuantity(errors, $"{prefix}:ScratchSizeLimit", pod.ScratchSizeLimit);
        CheckScratchMedium(errors, prefix, pod);
        if (pod.CveUrl is { IsAbsoluteUri: false })
        {
            errors.Add($"{prefix}:CveUrl must be an absolute URL.");
        }

        foreach (var toleration in pod.Tolerations)
        {
            if (!TolerationOperators.Contains(toleration.Operator, StringComparer.Ordinal))
            {
                errors.Add($"{prefix}:Tolerations: operator '{toleration.Operator}' is not Equal or Exists.");
            }

            if (!TolerationEffects.Contains(toleration.Effect ?? "", StringComparer.Ordinal))
            {
                errors.Add($"{prefix}:Tolerations: effect '{toleration.Effect}' is not NoSchedule, PreferNoSchedule or NoExecute.");
            }
        }
    }

    private static void RequirePositive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration.");
        }
    }

    private static void RequireText(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required.");
        }
    }

    private static void CheckScratchMedium(List<string> errors, string prefix, ScanPodOptions pod)
    {
        if (pod.ScratchMedium is not ("" or ScanPodOptions.MemoryMedium))
        {
            errors.Add($"{prefix}:ScratchMedium '{pod.ScratchMedium}' is not empty (the node's disk) or Memory.");
            return;
        }

        // On tmpfs the unpacked image is memory: a limit that cannot hold it gets the pod OOMKilled mid-scan.
        if (pod.ScratchMedium == ScanPodOptions.MemoryMedium
            && TryQuantity(pod.MemoryLimit) is { } memory && TryQuantity(pod.ScratchSizeLimit) is { } scratch
            && memory < scratch + ScanPodOptions.OscapWorkingSetBytes)
        {
            errors.Add($"{prefix}:MemoryLimit '{pod.MemoryLimit}' must exceed ScratchSizeLimit '{pod.ScratchSizeLimit}' by at least 1Gi when ScratchMedium is Memory (the unpacked image lives in memory, beside oscap).");
        }
    }

    private static decimal? TryQuantity(string value)
    {
        try
        {
            return new ResourceQuantity(value).ToDecimal();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NullReferenceException)
        {
            return null;
        }
    }

    private static void RequireQuantity(List<string> errors, string key, string value)
    {
        if (TryQuantity(value) is null)
        {
            errors.Add($"{key} '{value}' is not a Kubernetes quantity (e.g. 500m, 2Gi).");
        }
    }
}

using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Bridge.Hosting;

/// <summary>
/// An empty <c>Kubernetes:Clusters</c> is valid, since a local-only bridge needs no cluster; choosing the
/// <c>kubernetes</c> backend as the default is what requires one.
/// </summary>
internal sealed class KubernetesBackendValidator(IOptions<KubernetesScanningOptions> kubernetes) : IValidateOptions<AnalysisOptions>
{
    /// <summary>What chooses the default backend: the key, or the <c>scan</c> verb's flag that overrides it.</summary>
    public const string ChosenBy = AnalysisOptions.SectionName + ":" + nameof(AnalysisOptions.Backend) + " (or scan --backend)";

    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Backend != ScanBackendNames.Kubernetes)
        {
            return ValidateOptionsResult.Skip;
        }

        return ClusterRequirement.CheckChosenBackend(kubernetes.Value, ChosenBy) is { } error
            ? ValidateOptionsResult.Fail(error)
            : ValidateOptionsResult.Success;
    }
}

using ManageIQ.OpenScap.Contracts.Scanning;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>Refuses an unknown <c>Bridge:ProviderOverrides:&lt;id&gt;:RpmScanMode</c> at start, naming the key.</summary>
public sealed class ProviderRpmScanModeOptionsValidator : IValidateOptions<ProviderRpmScanModeOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderRpmScanModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Providers
            .Where(p => !RpmScanModeNames.TryParse(p.Value.RpmScanMode, out _))
            .Select(p => $"{ProviderRpmScanModeOptions.SectionName}:{p.Key}:RpmScanMode is '{p.Value.RpmScanMode}'; use {string.Join(", ", RpmScanModeNames.All)}.")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using ManageIQ.OpenScap.Contracts.Scanning;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Bridge.Configuration;

/// <summary>Checks <c>Bridge:Backend</c> names a backend.</summary>
internal sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ScanBackendNames.All.Contains(options.Backend, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{BridgeOptions.SectionName}:{nameof(BridgeOptions.Backend)} is '{options.Backend}'; use {string.Join(" or ", ScanBackendNames.All)}.");
    }
}

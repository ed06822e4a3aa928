using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>Checks <c>Bridge:Enforcement</c> at start.</summary>
internal sealed class EnforcementOptionsValidator : IValidateOptions<EnforcementOptions>
{
    public ValidateOptionsResult Validate(string? name, EnforcementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PolicyName) || options.PolicyName.Length > EnforcementOptions.MaxPolicyNameLength
            ? ValidateOptionsResult.Fail($"{EnforcementOptions.SectionName}:{nameof(EnforcementOptions.PolicyName)} must be 1 to {EnforcementOptions.MaxPolicyNameLength} characters.")
            : ValidateOptionsResult.Success;
    }
}

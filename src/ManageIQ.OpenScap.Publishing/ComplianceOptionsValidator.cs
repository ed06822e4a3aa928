using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>Checks <c>Bridge:Compliance</c> at start; the error names the key and the values it takes.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The binder takes a number as an enum value, defined or not.
        return Enum.IsDefined(options.MinCveSeverity)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ComplianceOptions.SectionName}:{nameof(ComplianceOptions.MinCveSeverity)} is '{(int)options.MinCveSeverity}'; use {string.Join(", ", Enum.GetNames<ComplianceCveSeverity>().Select(n => n.ToLowerInvariant()))}.");
    }
}

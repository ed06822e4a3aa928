using ManageIQ.OpenScap.Publishing;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Thresholds;

/// <summary>Checks every provider's thresholds at start; each error names its key (<c>Bridge:Compliance</c> is checked on its own).</summary>
internal sealed class ComplianceThresholdsValidator : IValidateOptions<ComplianceThresholds>
{
    public ValidateOptionsResult Validate(string? name, ComplianceThresholds options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.ByProvider.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => ComplianceOptionsValidator.Errors(ComplianceThresholdsSetup.SectionOf(p.Key), p.Value)).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

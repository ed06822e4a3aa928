using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>Checks <c>Bridge:Compliance</c> at start; each error names the key and the values it takes.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var errors = Errors(ComplianceOptions.SectionName, options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>What is wrong with <paramref name="options"/> bound from the section <paramref name="section"/>.</summary>
    public static List<string> Errors(string section, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        // The binder takes a number as an enum value, defined or not.
        Floor(errors, section, nameof(ComplianceOptions.MinRuleSeverity), options.MinRuleSeverity);
        Floor(errors, section, nameof(ComplianceOptions.MinCveSeverity), options.MinCveSeverity);
        Limit(errors, section, nameof(ComplianceOptions.MaxFailedRules), options.MaxFailedRules);
        Limit(errors, section, nameof(ComplianceOptions.MaxVulnerableCves), options.MaxVulnerableCves);
        return errors;
    }

    private static void Floor(List<string> errors, string section, string key, ComplianceSeverityFloor value)
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{section}:{key} is '{(int)value}'; use {string.Join(", ", Enum.GetNames<ComplianceSeverityFloor>().Select(n => n.ToLowerInvariant()))}.");
        }
    }

    private static void Limit(List<string> errors, string section, string key, int value)
    {
        if (value is < 0 or > 100_000)
        {
            errors.Add($"{section}:{key} is {value}; use 0 to 100000.");
        }
    }
}

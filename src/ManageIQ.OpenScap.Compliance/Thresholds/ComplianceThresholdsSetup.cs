using ManageIQ.OpenScap.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Thresholds;

/// <summary>Binds <see cref="ComplianceThresholds"/> from <c>Bridge:Compliance</c> and each provider's override section.</summary>
internal sealed class ComplianceThresholdsSetup(IConfiguration configuration) : IConfigureOptions<ComplianceThresholds>
{
    public const string OverridesSection = "Bridge:ProviderOverrides";

    public void Configure(ComplianceThresholds options)
    {
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(ComplianceOptions.SectionName).Bind(options.Default);
        foreach (var provider in configuration.GetSection(OverridesSection).GetChildren())
        {
            var section = provider.GetSection(ComplianceOptions.OverrideKey);
            if (section.Exists())
            {
                var own = options.Default.Copy();
                section.Bind(own);
                options.ByProvider[provider.Key] = own;
            }
        }
    }

    /// <summary>The configuration path of a provider's thresholds, as errors name it.</summary>
    public static string SectionOf(string providerId) => $"{OverridesSection}:{providerId}:{ComplianceOptions.OverrideKey}";
}

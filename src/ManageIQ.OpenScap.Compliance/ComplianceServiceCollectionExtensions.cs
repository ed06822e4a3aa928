using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance;

/// <summary>Registers the evaluator, its thresholds, the waivers and the enforcement options, all validated at start.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ComplianceEvaluator"/> with <see cref="ComplianceThresholds"/> (<c>Bridge:Compliance</c> and
    /// <c>Bridge:ProviderOverrides:&lt;id&gt;:Compliance</c>), <see cref="IWaiverCatalog"/> (<c>Bridge:Waivers</c>: a bad
    /// file refuses the start), <see cref="EnforcementOptions"/> (<c>Bridge:Enforcement</c>) and, unless a cluster
    /// backend registers its own, an <see cref="IImageEnforcer"/> that only says there is no cluster.
    /// </summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ComplianceThresholds>, ComplianceThresholdsSetup>(_ => new ComplianceThresholdsSetup(configuration)));
        services.AddOptions<ComplianceThresholds>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceThresholds>, ComplianceThresholdsValidator>());
        services.AddOptions<WaiverOptions>().Bind(configuration.GetSection(WaiverOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WaiverOptions>, WaiverOptionsValidator>());
        services.AddOptions<EnforcementOptions>().Bind(configuration.GetSection(EnforcementOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EnforcementOptions>, EnforcementOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<IWaiverCatalog, WaiverCatalog>();
        services.TryAddSingleton<ComplianceEvaluator>();
        services.TryAddSingleton<IImageEnforcer, UnconnectedImageEnforcer>();
        return services;
    }
}

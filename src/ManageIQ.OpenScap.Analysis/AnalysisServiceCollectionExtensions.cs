using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Analysis.Enforcement;
using ManageIQ.OpenScap.Analysis.Reevaluation;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Retention;
using ManageIQ.OpenScap.Compliance;
using ManageIQ.OpenScap.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>Registers the analysis of images: <see cref="IImageAnalyzer"/> and what it composes results with.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IImageAnalyzer"/> with <see cref="AnalysisOptions"/> (section <c>Bridge</c>) and
    /// <see cref="PublishingOptions"/> (<c>Bridge:Publishing</c>) and <see cref="ComplianceOptions"/> (<c>Bridge:Compliance</c>)
    /// validated at start, and the evaluator, waivers and enforcement (<c>AddCompliance</c>). It needs the ManageIQ client
    /// (<c>AddManageIqClient</c>), the state store (<c>AddStateStore</c>) and the scan backends.
    /// </summary>
    public static IServiceCollection AddImageAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAnalysisOptions(configuration);
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplianceOptions>().Bind(configuration.GetSection(ComplianceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddCompliance(configuration);
        services.TryAddSingleton<VerdictEnforcement>();
        services.TryAddSingleton<ResultComposer>();
        services.TryAddSingleton<ResultsDirectoryRetention>();
        services.TryAddSingleton<StoredResultRejudge>();
        services.TryAddSingleton<ImageAnalyzer>();
        services.TryAddSingleton<IImageAnalyzer>(sp => sp.GetRequiredService<ImageAnalyzer>());
        return services;
    }

    /// <summary>Only <see cref="AnalysisOptions"/>, for verbs that pick a backend without publishing.</summary>
    public static IServiceCollection AddAnalysisOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ProviderScanContents>, ProviderScanContentsSetup>(_ => new ProviderScanContentsSetup(configuration)));
        services.AddOptions<ProviderScanContents>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderScanContents>, ProviderScanContentsValidator>());
        return services;
    }
}

using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scap.Probes;
using ManageIQ.OpenScap.Vex;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner;

/// <summary>Registers the scan pipeline and everything under it.</summary>
public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IImageScanner"/>, <see cref="IOpenScapRunner"/>, <see cref="IScapContentResolver"/> and
    /// <see cref="ICveFeedCache"/>, with image acquisition and the SCAP results reader. Options are bound from
    /// <paramref name="configuration"/> (sections <c>OpenScap</c>, <c>ScapContent</c>, <c>CveFeeds</c>,
    /// <c>ImageAcquisition</c>, <c>PackageInventory</c>, <c>Vex</c>) when given, and validated at start.
    /// </summary>
    public static IServiceCollection AddImageScanner(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var oscap = services.AddOptions<OscapOptions>().ValidateDataAnnotations().ValidateOnStart();
        var content = services.AddOptions<ScapContentOptions>().ValidateOnStart();
        var feeds = services.AddOptions<CveFeedOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            oscap.Bind(configuration.GetSection(OscapOptions.SectionName));
            content.Bind(configuration.GetSection(ScapContentOptions.SectionName));
            feeds.Bind(configuration.GetSection(CveFeedOptions.SectionName));
            services.AddOptions<ImageAcquisitionOptions>().Bind(configuration.GetSection(ImageAcquisitionOptions.SectionName));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScapContentOptions>, ScapContentOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CveFeedOptions>, CveFeedOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CveFeedCache.HttpClientName);
        services.AddImageAcquisition();
        services.AddScapResults();
        services.AddPackageInventory(configuration);
        services.AddVexFeeds(configuration);
        services.TryAddSingleton<IPackageProbeReader, PackageProbeReader>();
        services.TryAddSingleton<IChrootCapability, ProcessChrootCapability>();
        services.TryAddSingleton<PackageInventoryCheck>();
        services.TryAddSingleton<IOscapProcess, OscapProcess>();
        services.TryAddSingleton<IOpenScapRunner, OpenScapRunner>();
        services.TryAddSingleton<IScapContentResolver, ScapContentResolver>();
        services.TryAddSingleton<IDataStreamInspector, DataStreamInspector>();
        services.TryAddSingleton<ICveFeedCache, CveFeedCache>();
        services.TryAddSingleton<CveFeedSlimming>();
        services.TryAddSingleton<EvaluationPreparer>();
        services.TryAddSingleton<VexFeedPreparer>();
        services.TryAddSingleton<IImageScanner, ImageScanner>();
        services.TryAddSingleton<ScanRequestFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScanBackend, LocalScanBackend>());
        return services;
    }
}

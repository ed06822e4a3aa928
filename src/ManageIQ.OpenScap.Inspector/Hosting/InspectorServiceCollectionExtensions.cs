using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Oscap;

namespace ManageIQ.OpenScap.Inspector.Hosting;

/// <summary>Wires the scanner with the inspector's flags layered over configuration.</summary>
public static class InspectorServiceCollectionExtensions
{
    public static IServiceCollection AddInspector(this IServiceCollection services, IConfiguration configuration, InspectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddImageScanner(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<InspectionState>();
        // Flags win over configuration.
        services.PostConfigure<CveFeedOptions>(o => o.CacheDirectory = settings.CveCacheDirectory);
        services.PostConfigure<OscapOptions>(o =>
        {
            o.Timeout = settings.ScanTimeout ?? o.Timeout;
            o.HtmlReportMaxArfBytes = settings.HtmlReportMaxArfBytes ?? o.HtmlReportMaxArfBytes;
        });
        return services;
    }

    /// <summary>The configuration sources: an optional JSON file (<c>--config</c>) and <c>MIQ_INSPECTOR_</c> environment variables.</summary>
    public static IConfigurationBuilder AddInspectorConfiguration(this IConfigurationBuilder builder, InspectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ConfigFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables("MIQ_INSPECTOR_");
    }
}

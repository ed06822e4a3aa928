using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Serving;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scanner.Hosting;

namespace ManageIQ.OpenScap.Inspector.Hosting;

/// <summary>Wires the scanner and the one scan of this process.</summary>
public static class InspectorServiceCollectionExtensions
{
    public static IServiceCollection AddInspector(this IServiceCollection services, IConfiguration configuration, InspectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddImageScanner(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<InspectionState>();
        return services;
    }

    /// <summary>The scan's configuration sources, with <c>MIQ_INSPECTOR_</c> environment variables.</summary>
    public static IConfigurationBuilder AddInspectorConfiguration(this IConfigurationBuilder builder, InspectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return builder.AddScanConfiguration(settings.Scan.ConfigFile, settings.Scan.Configuration, InspectorWire.EnvironmentPrefix);
    }
}

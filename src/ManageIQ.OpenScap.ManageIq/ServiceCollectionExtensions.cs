using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Probing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Registers <see cref="IManageIqClient"/> with validated options and its own HttpClient, and the start-up probe.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Binds <paramref name="section"/> (usually <c>ManageIq</c>) to <see cref="ManageIqClientOptions"/>.</summary>
    public static IServiceCollection AddManageIqClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ManageIqClientOptions>().Bind(section);
        return services.AddManageIqClientCore();
    }

    public static IServiceCollection AddManageIqClient(this IServiceCollection services, Action<ManageIqClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ManageIqClientOptions>().Configure(configure);
        return services.AddManageIqClientCore();
    }

    private static IServiceCollection AddManageIqClientCore(this IServiceCollection services)
    {
        services.AddOptions<ManageIqClientOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManageIqClientOptions>, ManageIqClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        // The factory's own request logging puts raw header values (X-Auth-Token, Authorization) into the
        // structured state at Trace; the connection logs what matters without credentials instead.
        services.AddHttpClient(ManageIqConnection.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => TlsHandlerFactory.Create(
                sp.GetRequiredService<IOptions<ManageIqClientOptions>>().Value,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<ManageIqClient>()));
        // One connection (one API token) for the client and the probe.
        services.TryAddSingleton(sp => new ManageIqConnection(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<ManageIqClientOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<ManageIqClient>()));
        services.TryAddSingleton<IManageIqClient>(sp => new ManageIqClient(sp.GetRequiredService<ManageIqConnection>()));
        // Each concern resolves to the one client, so a consumer may depend on just the part it uses.
        services.TryAddSingleton<IManageIqInventoryClient>(sp => sp.GetRequiredService<IManageIqClient>());
        services.TryAddSingleton<IManageIqCustomAttributesClient>(sp => sp.GetRequiredService<IManageIqClient>());
        services.TryAddSingleton<IManageIqControlClient>(sp => sp.GetRequiredService<IManageIqClient>());
        services.TryAddSingleton<IManageIqImageActionsClient>(sp => sp.GetRequiredService<IManageIqClient>());
        services.TryAddSingleton<IManageIqReportsClient>(sp => sp.GetRequiredService<IManageIqClient>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="IManageIqProbe"/>, the start-up check of ManageIQ, over the client's connection: call
    /// <see cref="AddManageIqClient(IServiceCollection, IConfiguration)"/> first. <paramref name="section"/> (usually
    /// <c>ManageIq:Probe</c>) binds <see cref="ManageIqProbeOptions"/>, validated at start.
    /// </summary>
    public static IServiceCollection AddManageIqProbe(this IServiceCollection services, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(ManageIqConnection)))
        {
            throw new InvalidOperationException("AddManageIqProbe needs AddManageIqClient first: the probe uses the client's connection.");
        }

        var options = services.AddOptions<ManageIqProbeOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManageIqProbeOptions>, ManageIqProbeOptionsValidator>());
        services.TryAddSingleton<IManageIqProbe>(sp => new ManageIqStartupProbe(
            sp.GetRequiredService<ManageIqConnection>(),
            sp.GetRequiredService<IOptions<ManageIqProbeOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ManageIqStartupProbe>>()));
        return services;
    }
}

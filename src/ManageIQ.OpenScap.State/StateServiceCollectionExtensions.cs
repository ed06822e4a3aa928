using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.History;
using ManageIQ.OpenScap.State.Logging;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State;

/// <summary>Registers the state store, the outbox publisher and the scan queue.</summary>
public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IResultStore"/>, <see cref="IOutboxPublisher"/> (which needs the ManageIQ client:
    /// <c>AddManageIqClient</c>), <see cref="IScanQueue"/> and <see cref="HistoryCompactor"/>, with
    /// <see cref="StateStoreOptions"/> bound from section <c>Bridge</c> of <paramref name="configuration"/> and
    /// validated at start. The database is opened, checked and migrated when first resolved.
    /// </summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StateStoreOptions>().Bind(configuration.GetSection(StateStoreOptions.SectionName));
        return services.AddStateStoreCore();
    }

    public static IServiceCollection AddStateStore(this IServiceCollection services, Action<StateStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StateStoreOptions>().Configure(configure);
        return services.AddStateStoreCore();
    }

    /// <summary>Runs <see cref="HistoryCompactionService"/>: a compaction at start, then every <c>Bridge:History:CompactionInterval</c>.</summary>
    public static IServiceCollection AddHistoryCompaction(this IServiceCollection services) =>
        services.AddHostedService<HistoryCompactionService>();

    private static IServiceCollection AddStateStoreCore(this IServiceCollection services)
    {
        services.AddOptions<StateStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton(sp =>
        {
            var failpoints = Failpoints.FromEnvironment();
            if (failpoints.Enabled.Count > 0)
            {
                Log.FailpointsEnabled(sp.GetRequiredService<ILoggerFactory>().CreateLogger<Failpoints>(), string.Join(",", failpoints.Enabled), failpoints.Directory);
            }

            return failpoints;
        });
        services.TryAddSingleton(sp => StateDatabase.Open(
            sp.GetRequiredService<IOptions<StateStoreOptions>>().Value.StateDirectory!,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<StateDatabase>()));
        services.TryAddSingleton<IResultStore, ResultStore>();
        services.TryAddSingleton<IScanQueue, ScanQueue>();
        services.TryAddSingleton<HistoryCompactor>();
        services.TryAddSingleton<IOutboxPublisher, OutboxPublisher>();
        return services;
    }
}

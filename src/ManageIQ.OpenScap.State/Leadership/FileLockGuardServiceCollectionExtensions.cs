using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.Leadership;

public static class FileLockGuardServiceCollectionExtensions
{
    /// <summary>
    /// Provides the file lock as the single-active guard (<see cref="IActiveGuard"/> when <c>Bridge:Leadership:Mode</c>
    /// resolves to <c>file</c>): an exclusive lock on <c>bridge.lock</c> in <c>Bridge:StateDirectory</c>, which
    /// <c>AddStateStore</c> binds; both are validated at start.
    /// </summary>
    public static IServiceCollection AddFileLockGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<StateStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
        return services.AddActiveGuard(LeadershipMode.File, configuration, sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeadershipOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<FileLockGuard>>();
            var guard = new FileLockGuard(sp.GetRequiredService<IOptions<StateStoreOptions>>().Value.StateDirectory!, options, sp.GetRequiredService<TimeProvider>(), logger);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var selection = LeadershipSelection.Explain(options.Mode, LeadershipMode.File);
                Log.FileGuardConfigured(logger, selection, guard.LockPath, guard.Identity, options.RetryPeriod);
            }

            return guard;
        });
    }
}

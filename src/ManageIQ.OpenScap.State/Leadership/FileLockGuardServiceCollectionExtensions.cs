using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Configuration;
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
        return services.AddActiveGuard(LeadershipMode.File, configuration, sp => new FileLockGuard(
            sp.GetRequiredService<IOptions<StateStoreOptions>>().Value.StateDirectory!,
            sp.GetRequiredService<IOptions<LeadershipOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileLockGuard>>()));
    }
}

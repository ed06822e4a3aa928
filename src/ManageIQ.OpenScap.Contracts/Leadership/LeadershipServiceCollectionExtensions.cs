using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// Registers <see cref="IActiveGuard"/> as the guard <see cref="LeadershipSelection"/> picks among those the program
/// provides: <c>AddLeaseGuard</c> (Kubernetes) and <c>AddFileLockGuard</c> (state directory). Call both; the rule
/// chooses at start.
/// </summary>
public static class LeadershipServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LeadershipOptions"/> from <c>Bridge:Leadership</c>, validated at start (including that the
    /// chosen guard is registered), and registers <see cref="IActiveGuard"/>. Idempotent.
    /// </summary>
    public static IServiceCollection AddLeadership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IActiveGuard) && !d.IsKeyedService))
        {
            return services;
        }

        services.AddOptions<LeadershipOptions>().Bind(configuration.GetSection(LeadershipOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadershipOptions>, LeadershipOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadershipOptions>, LeadershipRegistrationValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IActiveGuard>(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<LeadershipOptions>>().Value.Mode;
            var resolved = LeadershipSelection.Resolve(configured);
            return sp.GetKeyedService<IActiveGuard>(resolved)
                ?? throw new InvalidOperationException($"{LeadershipSelection.Explain(configured, resolved)}, which this program does not provide.");
        });
        return services;
    }

    /// <summary>For a guard's own registration: <paramref name="factory"/> makes the singleton that serves <paramref name="mode"/>.</summary>
    public static IServiceCollection AddActiveGuard(this IServiceCollection services, LeadershipMode mode, IConfiguration configuration, Func<IServiceProvider, IActiveGuard> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        if (mode is not (LeadershipMode.Lease or LeadershipMode.File))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "A guard serves lease or file, not auto.");
        }

        services.AddLeadership(configuration);
        services.TryAddKeyedSingleton(mode, (sp, _) => factory(sp));
        return services;
    }
}

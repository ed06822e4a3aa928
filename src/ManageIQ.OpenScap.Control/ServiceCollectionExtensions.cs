using ManageIQ.OpenScap.Control.Assignments;
using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Export;
using ManageIQ.OpenScap.Control.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Control;

/// <summary>Registers the Control registration services; the ManageIQ client is the caller's (<c>AddManageIqClient</c>).</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Bridge:Policies</c> (validated at start) and adds <see cref="IPolicyRegistrar"/>, <see cref="PolicyUnregistrar"/>, <see cref="ReportRegistrar"/>,
    /// <see cref="PolicyExporter"/>, <see cref="PolicyStartupRegistration"/> (what <c>serve</c> runs at start) and
    /// <see cref="BridgeProfileAssignments"/> (which providers have the bridge's profiles assigned).
    /// </summary>
    public static IServiceCollection AddPolicyRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ImplementationType == typeof(BridgePoliciesOptionsValidator)))
        {
            // Bound once: a second bind would append Bridge:Policies:AssignTo again.
            return services;
        }

        services.AddOptions<BridgePoliciesOptions>().Bind(configuration.GetSection(BridgePoliciesOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BridgePoliciesOptions>, BridgePoliciesOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<IPolicyRegistrar, PolicyRegistrar>();
        services.TryAddSingleton<PolicyUnregistrar>();
        services.TryAddSingleton<ReportRegistrar>();
        services.TryAddTransient<PolicyExporter>();
        services.TryAddSingleton<PolicyStartupRegistration>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BridgeProfileAssignments>();
        return services;
    }
}

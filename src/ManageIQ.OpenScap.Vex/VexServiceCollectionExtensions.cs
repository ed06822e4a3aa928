using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ManageIQ.OpenScap.Vex;

/// <summary>Registers the VEX to OVAL conversion.</summary>
public static class VexServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IVexOvalConverter"/>, its options bound from <c>Vex</c> when given, validated at start.</summary>
    public static IServiceCollection AddVexFeeds(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var vex = services.AddOptions<VexOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configuration is not null)
        {
            vex.Bind(configuration.GetSection(VexOptions.SectionName));
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVexOvalConverter, VexOvalConverter>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ManageIQ.OpenScap.Packages;

/// <summary>Registers the package inventory reader.</summary>
public static class PackagesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPackageInventoryReader"/>, its limits bound from <c>PackageInventory</c> when given, validated at start.</summary>
    public static IServiceCollection AddPackageInventory(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var limits = services.AddOptions<PackageInventoryLimits>().ValidateDataAnnotations().ValidateOnStart();
        if (configuration is not null)
        {
            limits.Bind(configuration.GetSection(PackageInventoryLimits.SectionName));
        }

        services.AddLogging();
        services.TryAddSingleton<IPackageInventoryReader, PackageInventoryReader>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Packages.Tests;

/// <summary>The real reader from the service graph, with optional limits.</summary>
internal static class InventoryReaders
{
    public static IPackageInventoryReader Create(Action<PackageInventoryLimits>? limits = null)
    {
        var services = new ServiceCollection().AddPackageInventory();
        if (limits is not null)
        {
            services.Configure(limits);
        }

        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<PackageInventoryLimits>>().Value;
        return provider.GetRequiredService<IPackageInventoryReader>();
    }
}

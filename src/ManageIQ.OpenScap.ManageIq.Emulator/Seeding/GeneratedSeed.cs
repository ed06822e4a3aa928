using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Seeding;

/// <summary>Large seeds made in code (benchmarks, paging tests): many providers and images, one registry.</summary>
public static class GeneratedSeed
{
    /// <summary>
    /// The default seed with its providers and images replaced: <paramref name="providers"/> providers
    /// (OpenShift and Kubernetes alternating) sharing <paramref name="images"/> images round-robin.
    /// </summary>
    public static JObject Create(int providers, int images)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(providers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(images);
        var seed = EmulatorSeed.Default();
        var providerRows = new JArray();
        for (var p = 1; p <= providers; p++)
        {
            providerRows.Add(new JObject
            {
                ["id"] = p,
                ["name"] = $"cluster-{p}",
                ["type"] = p % 2 == 1 ? "ManageIQ::Providers::Openshift::ContainerManager" : "ManageIQ::Providers::Kubernetes::ContainerManager",
                ["guid"] = Guid.CreateVersion7().ToString(),
                ["zone_id"] = 1,
                ["enabled"] = true,
                ["options"] = new JObject(),
                ["last_refresh_date"] = "2026-01-05T09:00:00Z",
                ["last_refresh_error"] = null,
            });
        }

        var imageRows = new JArray();
        for (var i = 1; i <= images; i++)
        {
            var digest = "sha256:" + i.ToString("x64", CultureInfo.InvariantCulture);
            imageRows.Add(new JObject
            {
                ["id"] = i,
                ["name"] = $"team{i % 50}/app{i}",
                ["tag"] = "1.0",
                ["digest"] = digest,
                ["image_ref"] = $"docker-pullable://registry.example.test/team{i % 50}/app{i}@{digest}",
                ["container_image_registry_id"] = 2,
                ["ems_id"] = ((i - 1) % providers) + 1,
                ["last_sync_on"] = "2026-01-05T09:00:00Z",
                ["last_scan_attempt_on"] = null,
                ["registered_on"] = "2026-01-02T10:00:00Z",
                ["architecture"] = "amd64",
                ["created_on"] = "2026-01-02T10:00:00Z",
                ["deleted_on"] = null,
                ["type"] = null,
            });
        }

        seed["providers"] = providerRows;
        seed["container_images"] = imageRows;
        seed["custom_attributes"] = new JArray();
        return seed;
    }
}

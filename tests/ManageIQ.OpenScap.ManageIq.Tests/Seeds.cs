using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>Seed documents for the emulator: the default one, or one with many generated images.</summary>
public static class Seeds
{
    public static JObject Default() => EmulatorSeed.Default();

    /// <summary>The default seed with its images replaced by <paramref name="images"/> spread over <paramref name="providers"/> providers.</summary>
    public static JObject WithImages(int providers, int images) => GeneratedSeed.Create(providers, images);
}

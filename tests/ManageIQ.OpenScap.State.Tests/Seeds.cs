using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Emulator seeds: the default appliance with extra custom attributes on its images.</summary>
public static class Seeds
{
    public static JObject WithAttributes(params (long Image, string Section, string Name, string Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var seed = EmulatorSeed.Default();
        var rows = (JArray)seed["custom_attributes"]!;
        var id = 100;
        foreach (var (image, section, name, value) in attributes)
        {
            rows.Add(new JObject
            {
                ["id"] = id++,
                ["section"] = section,
                ["name"] = name,
                ["value"] = value,
                ["resource_type"] = "ContainerImage",
                ["resource_id"] = image,
                ["source"] = section == "metadata" ? "EVM" : "kubernetes",
                ["created_on"] = "2026-01-05T09:00:00Z",
                ["updated_on"] = "2026-01-05T09:00:00Z",
            });
        }

        return seed;
    }
}

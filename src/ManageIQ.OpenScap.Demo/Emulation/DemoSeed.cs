using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.ManageIq.Probing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Demo.Emulation;

/// <summary>
/// The demo's ManageIQ: the emulator's fresh appliance with one OpenShift provider whose refresh listed the demo images
/// on the loopback registry, a user for the bridge whose role grants exactly what the start-up probe checks, and,
/// from the second run on, the <c>openscap_</c> attributes the bridge's store holds, as a real appliance keeps them.
/// </summary>
public static class DemoSeed
{
    public const long ProviderId = 1;
    public const string ProviderName = "Demo OpenShift";
    public const string BridgeUser = "openscap-bridge";
    public const string BridgeGroup = "OpenSCAP bridge";
    private const string ImageType = "ManageIQ::Providers::Openshift::ContainerManager::ContainerImage";

    /// <summary>What the demo's bridge does in ManageIQ: scan the providers with its profile assigned, publish, and ask for compliance checks.</summary>
    public const ManageIqCapabilities BridgeCapabilities = ManageIqCapabilities.Scanning | ManageIqCapabilities.AssignedProviders | ManageIqCapabilities.ComplianceCheck;

    /// <summary>The product features the bridge's role grants: one per call of <see cref="BridgeCapabilities"/> (<see cref="ManageIqFeatures"/>).</summary>
    public static IReadOnlyList<string> BridgeFeatures { get; } =
        [.. ManageIqFeatures.For(BridgeCapabilities).Where(r => r.IsGated).Select(r => r.Identifiers[0]).Distinct(StringComparer.Ordinal)];

    public static JObject Build(string registryHost, IReadOnlyList<PublishedImage> images, IReadOnlyDictionary<long, IReadOnlyList<CustomAttributeInput>> attributes, string bridgePassword)
    {
        ArgumentException.ThrowIfNullOrEmpty(registryHost);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(attributes);
        var seed = EmulatorSeed.Default();
        var template = (JObject)((JArray)seed["container_images"]!)[0];
        var provider = (JObject)((JArray)seed["providers"]!).OfType<JObject>().First(p => p.Value<string>("type") == "ManageIQ::Providers::Openshift::ContainerManager").DeepClone();
        provider["id"] = ProviderId;
        provider["name"] = ProviderName;
        seed["providers"] = new JArray(provider);
        var colon = registryHost.LastIndexOf(':');
        seed["container_image_registries"] = new JArray(new JObject
        {
            ["id"] = 1,
            ["name"] = registryHost[..colon],
            ["host"] = registryHost[..colon],
            ["port"] = registryHost[(colon + 1)..],
            ["ems_id"] = ProviderId,
        });
        seed["container_images"] = new JArray(images.Select(i => Image(template, registryHost, i)));
        seed["custom_attributes"] = new JArray(Attributes(images, attributes));
        seed["tasks"] = new JArray();
        return EmulatorSeed.WithUser(seed, BridgeUser, bridgePassword, BridgeGroup, BridgeFeatures, "OpenSCAP bridge service account");
    }

    private static JObject Image(JObject template, string registryHost, PublishedImage image)
    {
        var row = (JObject)template.DeepClone();
        row["id"] = image.Id;
        row["name"] = image.Repository;
        row["tag"] = image.Tag;
        row["digest"] = image.Digest;
        row["image_ref"] = $"docker-pullable://{registryHost}/{image.Repository}@{image.Digest}";
        row["container_image_registry_id"] = 1;
        row["ems_id"] = ProviderId;
        row["type"] = ImageType;
        return row;
    }

    private static IEnumerable<JObject> Attributes(IReadOnlyList<PublishedImage> images, IReadOnlyDictionary<long, IReadOnlyList<CustomAttributeInput>> attributes)
    {
        var id = 0;
        foreach (var image in images)
        {
            foreach (var attribute in attributes.GetValueOrDefault(image.Id) ?? [])
            {
                var timestamp = attribute.FieldType == CustomAttributeInput.DateTimeFieldType;
                yield return new JObject
                {
                    ["id"] = ++id,
                    ["section"] = attribute.Section,
                    ["name"] = attribute.Name,
                    ["value"] = attribute.Value,
                    ["resource_type"] = "ContainerImage",
                    ["resource_id"] = image.Id,
                    ["source"] = "EVM",
                    ["description"] = null,
                    ["value_interpolated"] = null,
                    ["unique_name"] = null,
                    // ManageIQ parses a DateTime attribute's value into serialized_value, as the emulator does on a post.
                    ["serialized_value"] = timestamp ? attribute.Value : null,
                    ["created_on"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["updated_on"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                };
            }
        }
    }
}

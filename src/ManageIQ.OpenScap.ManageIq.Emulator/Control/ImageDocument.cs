using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>
/// <c>POST /emulator/container_images</c>: a new image row with every column a refreshed image has. Only the
/// fields a provider refresh would set are accepted; the rest start as a fresh image's.
/// </summary>
internal static class ImageDocument
{
    private const string OpenshiftManager = "ManageIQ::Providers::Openshift::ContainerManager";
    private static readonly string[] Fields = ["name", "tag", "digest", "image_ref", "ems_id", "container_image_registry_id"];

    /// <summary>Builds the row from <paramref name="body"/>; call under the store's lock (it checks the provider and registry exist).</summary>
    public static JObject NewRow(JObject body, EmulatorStore store)
    {
        ControlBody.RejectUnknown(body, Fields);
        var name = ControlBody.RequiredString(body, "name");
        var tag = ControlBody.OptionalString(body, "tag");
        var digest = ControlBody.OptionalString(body, "digest");
        var imageRef = ControlBody.OptionalString(body, "image_ref");
        var emsId = ControlBody.OptionalId(body, "ems_id") ?? throw ControlException.BadField("ems_id", "'ems_id' is required: the id of the provider the image belongs to.");
        var provider = store.Providers.Find(emsId) ?? throw ControlException.BadField("ems_id", $"'ems_id' {emsId} names no provider.");
        var registryId = ControlBody.OptionalId(body, "container_image_registry_id");
        if (registryId is not null && store.Registries.Find(registryId.Value) is null)
        {
            throw ControlException.BadField("container_image_registry_id", $"'container_image_registry_id' {registryId} names no registry.");
        }

        var now = store.Now();
        return new JObject
        {
            ["id"] = null, // the table fills it; ManageIQ renders id first
            ["name"] = name,
            ["tag"] = tag,
            ["digest"] = digest,
            ["image_ref"] = imageRef,
            ["container_image_registry_id"] = registryId,
            ["ems_id"] = emsId,
            ["last_sync_on"] = now,
            ["last_scan_attempt_on"] = null,
            ["registered_on"] = now,
            ["architecture"] = null,
            ["author"] = null,
            ["command"] = new JArray(),
            ["entrypoint"] = new JArray(),
            ["docker_version"] = null,
            ["exposed_ports"] = new JObject(),
            ["environment_variables"] = new JObject(),
            ["size"] = null,
            ["created_on"] = now,
            ["deleted_on"] = null,
            // OpenShift's refresh types its images; Kubernetes leaves the base class (type null), as in the seed.
            ["type"] = provider.Value<string>("type") == OpenshiftManager ? OpenshiftManager + "::ContainerImage" : null,
            ["last_perf_capture_on"] = null,
        };
    }

    /// <summary>The image of <c>/emulator/container_images/{id}/...</c>, or a 404 naming the id.</summary>
    public static JObject Find(EmulatorStore store, string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && store.ContainerImages.Find(n) is { } row
            ? row
            : throw new ControlException(HttpStatusCode.NotFound, $"There is no container image with id '{id}'.", "id");
}

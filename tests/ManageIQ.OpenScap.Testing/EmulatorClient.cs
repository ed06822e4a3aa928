using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// The ManageIQ emulator as another process sees it: its API (as <c>admin</c>) and its <c>/emulator</c> control
/// routes (images, request log, faults), over HTTP.
/// </summary>
public sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _api;
    private readonly HttpClient _control;

    public EmulatorClient(Uri baseUri)
    {
        _api = new HttpClient { BaseAddress = baseUri };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:smartvm")));
        _control = new HttpClient { BaseAddress = baseUri };
    }

    /// <summary>Adds an image of <paramref name="registryHost"/> to ManageIQ as a provider refresh would, pinned by its digest; returns its id.</summary>
    public async Task<long> AddImageAsync(string registryHost, long providerId, string repository, string tag, string digest, CancellationToken cancellationToken)
    {
        var body = new JObject
        {
            ["name"] = repository,
            ["tag"] = tag,
            ["digest"] = digest,
            ["image_ref"] = $"docker-pullable://{registryHost}/{repository}@{digest}",
            ["ems_id"] = providerId,
        };
        using var answer = await _control.PostAsync("/emulator/container_images", Json(body), cancellationToken);
        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        return long.Parse(JObject.Parse(text).Value<string>("id")!, CultureInfo.InvariantCulture);
    }

    /// <summary>ManageIQ archived the image (it is gone from its provider).</summary>
    public async Task ArchiveAsync(long imageId, CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsync($"/emulator/container_images/{imageId}/archive", Json([]), cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Every custom attribute of the image, in all sections, as ManageIQ's API shows them.</summary>
    public async Task<IReadOnlyList<JObject>> AttributesAsync(long imageId, CancellationToken cancellationToken)
    {
        var text = await _api.GetStringAsync($"api/container_images/{imageId}?attributes=id&expand=custom_attributes", cancellationToken);
        return [.. ((JArray)Parse(text)["custom_attributes"]!).Cast<JObject>()];
    }

    /// <summary>The image's <c>openscap_</c> attributes, each name asserted to be stored once.</summary>
    public async Task<Dictionary<string, string>> OpenScapAttributesAsync(long imageId, CancellationToken cancellationToken)
    {
        var all = await AttributesAsync(imageId, cancellationToken);
        var owned = all.Where(a => a.Value<string>("name")!.StartsWith("openscap_", StringComparison.Ordinal)).ToList();
        Assert.That(owned.Select(a => a.Value<string>("name")), Is.Unique, "each attribute is stored once");
        return owned.ToDictionary(a => a.Value<string>("name")!, a => a.Value<string>("value")!);
    }

    /// <summary>The image's <c>last_compliance_status</c> as ManageIQ's API shows it: null until a compliance check recorded one.</summary>
    public async Task<bool?> LastComplianceStatusAsync(long imageId, CancellationToken cancellationToken)
    {
        var text = await _api.GetStringAsync($"api/container_images/{imageId}?attributes=last_compliance_status", cancellationToken);
        return Parse(text)["last_compliance_status"] is { Type: JTokenType.Boolean } status ? status.Value<bool>() : null;
    }

    /// <summary>Adds attributes through ManageIQ's API, as a user or another tool would.</summary>
    public async Task AddAttributesAsync(long imageId, CancellationToken cancellationToken, params (string Name, string Value, string Section)[] attributes)
    {
        var body = new JObject
        {
            ["action"] = "add",
            ["resources"] = new JArray(attributes.Select(a => new JObject { ["name"] = a.Name, ["value"] = a.Value, ["section"] = a.Section })),
        };
        using var answer = await _api.PostAsync($"api/container_images/{imageId}/custom_attributes", Json(body), cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<JObject>> RequestsAsync(CancellationToken cancellationToken) =>
        [.. ((JArray)Parse(await _control.GetStringAsync("/emulator/requests", cancellationToken))).Cast<JObject>()];

    public async Task ClearRequestsAsync(CancellationToken cancellationToken)
    {
        using var answer = await _control.DeleteAsync("/emulator/requests", cancellationToken);
        Assert.That((int)answer.StatusCode, Is.LessThan(300));
    }

    public async Task FaultAsync(string json, CancellationToken cancellationToken)
    {
        using var answer = await _control.PostAsync("/emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var answer = await _control.DeleteAsync("/emulator/faults", cancellationToken);
        Assert.That((int)answer.StatusCode, Is.LessThan(300));
    }

    public void Dispose()
    {
        _api.Dispose();
        _control.Dispose();
    }

    /// <summary>Values as ManageIQ sent them: no date recognised and reformatted on the way.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private static StringContent Json(JObject body) => new(body.ToString(), Encoding.UTF8, "application/json");
}

using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Custom attributes of container images: the bridge's write path for scan results.</summary>
public sealed partial class ManageIqClient
{
    /// <summary>
    /// One GET of the image with its attributes embedded (<c>expand=custom_attributes</c>). The subcollection's own
    /// listing reports the <c>count</c> of every custom attribute of the appliance, so paging it would ask for a
    /// second, empty page as soon as the appliance holds more attributes than the image.
    /// </summary>
    public async Task<IReadOnlyList<CustomAttribute>> GetCustomAttributesAsync(long imageId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get($"api/container_images/{Id(imageId)}", new("attributes", "id"), new("expand", "custom_attributes"));
        return EmbeddedAttributes(await _connection.SendAsync(request, cancellationToken), request);
    }

    private static IReadOnlyList<CustomAttribute> EmbeddedAttributes(JToken? answer, ApiRequest request)
    {
        var embedded = (answer as JObject)?["custom_attributes"] as JArray
            ?? throw new Errors.ManageIqResponseException($"{request.Describe} answered without a custom_attributes array.") { Request = request.Describe };
        return [.. embedded.Select(a => Json.To<CustomAttribute>(a, request.Describe))];
    }

    public async Task<IReadOnlyList<CustomAttribute>> AddCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeInput> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            return [];
        }

        // ManageIQ's add is an upsert by name, so sending it again after a lost answer stores each attribute once.
        var request = ApiRequest.RepeatablePost(AttributesPath(imageId), new JObject { ["action"] = "add", ["resources"] = new JArray(attributes.Select(ToJson)) });
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe);
        return [.. results.Select(r => Json.To<CustomAttribute>(r, request.Describe))];
    }

    public async Task<CustomAttribute?> EditCustomAttributeAsync(long imageId, CustomAttributeInput attribute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var request = ApiRequest.Post(AttributesPath(imageId), new JObject { ["action"] = "edit", ["resources"] = new JArray(ToJson(attribute)) });
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe);
        return results.FirstOrDefault() is JObject edited ? Json.To<CustomAttribute>(edited, request.Describe) : null;
    }

    public async Task<int> DeleteCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeReference> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.Count == 0)
        {
            return 0;
        }

        var resources = new JArray(attributes.Select(ToJson));
        var body = new JObject { ["action"] = "delete", ["resources"] = resources };

        // A delete by name finds nothing the second time; one by href could answer 404, so only the former is repeated.
        var request = attributes.All(a => a.Href is null)
            ? ApiRequest.RepeatablePost(AttributesPath(imageId), body)
            : ApiRequest.Post(AttributesPath(imageId), body);
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe);
        return results.Count(r => r.Type == JTokenType.Object);
    }

    private static string AttributesPath(long imageId) => $"api/container_images/{Id(imageId)}/custom_attributes";

    private static JObject ToJson(CustomAttributeReference reference)
    {
        if (reference.Href is { } href)
        {
            return new JObject { ["href"] = href.ToString() };
        }

        var json = new JObject { ["name"] = reference.Name };
        if (reference.Section is not null)
        {
            json["section"] = reference.Section;
        }

        return json;
    }

    private static JObject ToJson(CustomAttributeInput attribute)
    {
        var json = new JObject { ["name"] = attribute.Name, ["value"] = attribute.Value, ["section"] = attribute.Section };
        if (attribute.FieldType is not null)
        {
            json["field_type"] = attribute.FieldType;
        }

        return json;
    }
}

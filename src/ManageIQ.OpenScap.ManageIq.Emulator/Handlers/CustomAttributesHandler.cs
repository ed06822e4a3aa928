using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// <c>Api::Subcollections::CustomAttributes</c> (facts 48-54): add is a case-insensitive upsert by name across
/// sections, sections limited to metadata and cluster_settings, DateTime/Time/Date values parsed.
/// </summary>
internal static class CustomAttributesHandler
{
    private static readonly string[] AllowedSections = ["metadata", "cluster_settings"];
    private static readonly string[] TimeFieldTypes = ["DateTime", "Time", "Date"];

    public static ApiResult PostSubcollection(ApiContext context, CollectionDefinition parent, JObject owner)
    {
        var action = Envelope.Action(context);
        RequireRole(context, parent, action);
        var sub = Subcollection.Resolve(context, parent, owner, "custom_attributes")!;
        return action switch
        {
            "add" or "create" => Add(context, parent, owner, sub),
            "edit" => Envelope.Results(context, [.. Envelope.Resources(context).Select(r => Edit(context, sub, r, FindIn(sub, r)))]),
            "delete" => Envelope.Results(context, [.. Envelope.Resources(context).Select(r => Delete(context, sub, FindIn(sub, r)))]),
            _ => throw ApiException.BadRequest($"Unsupported Action {action} for the custom_attributes collection specified"),
        };
    }

    public static ApiResult PostSubresource(ApiContext context, CollectionDefinition parent, JObject owner, string id)
    {
        var action = Envelope.Action(context);
        RequireRole(context, parent, action);
        var sub = Subcollection.Resolve(context, parent, owner, "custom_attributes")!;
        var attribute = ReadHandler.FindMember(context, sub, id);
        return action switch
        {
            "edit" => ApiResult.Ok(Edit(context, sub, Envelope.First(context), attribute)!),
            "delete" => Envelope.Single(DeleteResult(context, sub, attribute)),
            _ => throw ApiException.BadRequest($"Unsupported Action {action} for the custom_attributes resource specified"),
        };
    }

    public static ApiResult DeleteSubresource(ApiContext context, CollectionDefinition parent, JObject owner, string id)
    {
        var sub = Subcollection.Resolve(context, parent, owner, "custom_attributes")!;
        context.Store.CustomAttributes.Remove(ReadHandler.FindMember(context, sub, id).Value<long>("id"));
        return ApiResult.NoContent();
    }

    private static ApiResult Add(ApiContext context, CollectionDefinition parent, JObject owner, Subcollection sub)
    {
        var resources = Envelope.Resources(context);
        if (resources.Count == 0)
        {
            throw ApiException.BadRequest("No custom_attributes resources were specified for the add action");
        }

        // Validate every resource before writing any, so a bad one leaves the image untouched.
        foreach (var resource in resources)
        {
            Validate(resource, "add");
        }

        var results = new List<JToken?>();
        var known = sub.Rows.ToList();
        foreach (var resource in resources)
        {
            var name = resource.Value<string>("name")!;
            var existing = known.FirstOrDefault(r => string.Equals(r.Value<string>("name"), name, StringComparison.OrdinalIgnoreCase));
            var row = existing ?? context.Store.CustomAttributes.Add(new JObject
            {
                ["id"] = null, // the table fills it; ManageIQ renders id first
                ["section"] = "metadata",
                ["name"] = name,
                ["value"] = null,
                ["resource_type"] = Subcollection.ResourceType(parent),
                ["resource_id"] = owner.Value<long>("id"),
                ["source"] = resource.Value<string>("source") ?? "EVM",
                ["description"] = null,
                ["value_interpolated"] = null,
                ["unique_name"] = null,
                ["serialized_value"] = null,
                ["created_on"] = context.Store.Now(),
                ["updated_on"] = context.Store.Now(),
            });
            if (existing is null)
            {
                known.Add(row);
            }

            Apply(context, row, resource);
            results.Add(Render(context, sub, row));
        }

        return Envelope.Results(context, results);
    }

    private static JObject? Edit(ApiContext context, Subcollection sub, JObject resource, JObject? row)
    {
        if (row is null)
        {
            return null;
        }

        Validate(resource, "edit", requireName: false);
        Apply(context, row, resource);
        return Render(context, sub, row);
    }

    private static JObject? Delete(ApiContext context, Subcollection sub, JObject? row)
    {
        if (row is null)
        {
            return null;
        }

        context.Store.CustomAttributes.Remove(row.Value<long>("id"));
        return Render(context, sub, row);
    }

    private static JObject DeleteResult(ApiContext context, Subcollection sub, JObject row)
    {
        context.Store.CustomAttributes.Remove(row.Value<long>("id"));
        return Envelope.Result(true, $"Deleting Custom Attribute id: {row.Value<long>("id")} name: '{row.Value<string>("name")}'", sub.Href(row));
    }

    private static void Validate(JObject resource, string verb, bool requireName = true)
    {
        if (requireName && string.IsNullOrEmpty(resource.Value<string>("name")))
        {
            throw ApiException.BadRequest($"Could not {verb} custom attributes - Must specify a name for a custom attribute to be added");
        }

        var section = resource.Value<string>("section");
        if (section is not null && !AllowedSections.Contains(section))
        {
            throw ApiException.BadRequest($"Could not {verb} custom attributes - Invalid attribute section specified: {section}");
        }

        var fieldType = resource.Value<string>("field_type");
        if (fieldType is not null && TimeFieldTypes.Contains(fieldType)
            && !DateTimeOffset.TryParse(resource["value"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            throw ApiException.BadRequest($"Could not {verb} custom attributes - Invalid {fieldType} value specified: {resource["value"]}");
        }
    }

    /// <summary>Only name, value and section are written; values are stored verbatim as text, typed ones also serialized.</summary>
    private static void Apply(ApiContext context, JObject row, JObject resource)
    {
        if (resource.Value<string>("name") is { Length: > 0 } name)
        {
            row["name"] = name;
        }

        if (resource.TryGetValue("value", out var value))
        {
            row["value"] = StoredText.Of(value) is { } text ? text : JValue.CreateNull();
            var fieldType = resource.Value<string>("field_type");
            row["serialized_value"] = fieldType is not null && TimeFieldTypes.Contains(fieldType)
                ? Store.EmulatorStore.FormatTime(DateTimeOffset.Parse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                : null;
        }

        row["section"] = resource.Value<string>("section") ?? row.Value<string>("section") ?? "metadata";
        row["updated_on"] = context.Store.Now();
        context.Store.CustomAttributes.Touch();
    }

    private static JObject? FindIn(Subcollection sub, JObject resource)
    {
        var id = Envelope.TargetId(resource, "custom_attributes");
        if (id is not null)
        {
            return sub.Rows.FirstOrDefault(r => r.Value<long>("id") == id) ?? throw ApiException.RecordNotFound("CustomAttribute", id.Value.ToString(CultureInfo.InvariantCulture));
        }

        var name = resource.Value<string>("name");
        return sub.Rows.FirstOrDefault(r => string.Equals(r.Value<string>("name"), name, StringComparison.OrdinalIgnoreCase));
    }

    private static JObject Render(ApiContext context, Subcollection sub, JObject row) =>
        Renderer.Resource(context, sub.Definition, row, sub.Href(row), AttributeSelection.Full with { WantsActions = false });

    private static void RequireRole(ApiContext context, CollectionDefinition parent, string? action)
    {
        // Providers gate custom attributes with ems_infra_edit; container images use the generic, ungated actions.
        if (parent == Collections.Providers)
        {
            context.Require("ems_infra_edit", $"Use of Action {action} is forbidden");
        }
    }
}

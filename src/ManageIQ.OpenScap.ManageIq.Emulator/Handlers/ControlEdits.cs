using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// The steps every Control create and edit shares (ManageIQ's generic <c>create_resource</c> / <c>update</c> and
/// ActiveRecord's validation): refuse an id on create, merge the editable keys over the row, fail with Rails'
/// "Validation failed" message, and save the merged row.
/// </summary>
internal static class ControlEdits
{
    /// <summary>ManageIQ's refusal of an id or href in a create (<c>BaseController::Manager</c>).</summary>
    public static void RefuseIdentity(JObject resource, string collection)
    {
        if (resource["id"] is not null || resource["href"] is not null)
        {
            throw ApiException.BadRequest($"Resource id or href should not be specified for creating a new {collection}");
        }
    }

    /// <summary>A copy of <paramref name="row"/> with the <paramref name="editable"/> keys the request gives.</summary>
    public static JObject Merge(JObject row, JObject resource, IEnumerable<string> editable)
    {
        var merged = (JObject)row.DeepClone();
        foreach (var key in editable.Where(resource.ContainsKey))
        {
            merged[key] = resource[key]!.DeepClone();
        }

        return merged;
    }

    /// <summary>The 400 of a failed validation: "<paramref name="failure"/> - Validation failed: errors".</summary>
    public static void ThrowIfInvalid(List<string> errors, string failure)
    {
        if (errors.Count > 0)
        {
            throw ApiException.BadRequest($"{failure} - Validation failed: {string.Join(", ", errors)}");
        }
    }

    /// <summary>Writes the merged values into the row, stamps <c>updated_on</c>, drops cached listings and renders the row.</summary>
    public static JObject Save(ApiContext context, CollectionDefinition definition, JObject row, JObject merged)
    {
        foreach (var property in merged.Properties())
        {
            row[property.Name] = property.Value.DeepClone();
        }

        row["updated_on"] = context.Store.Now();
        definition.Table(context.Store).Touch();
        return ControlRows.Render(context, definition, row);
    }
}

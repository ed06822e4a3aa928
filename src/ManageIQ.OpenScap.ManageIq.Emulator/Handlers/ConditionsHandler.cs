using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// Conditions (fact 60): create needs name, description, expression and towhat. Create and edit take any column
/// (the generic <c>create_resource</c> and <c>update</c>), so a guid or notes given are kept; a guid is unique.
/// </summary>
internal static class ConditionsHandler
{
    private static readonly CollectionDefinition Definition = Collections.Conditions;
    private static readonly string[] EditableKeys = ["name", "description", "towhat", "notes", "modifier", "guid"];

    private static readonly ControlCollection Routes = new(Definition, "condition", Create, Edit, Delete);

    public static ApiResult PostCollection(ApiContext context) => Routes.PostCollection(context);

    public static ApiResult PostResource(ApiContext context, string id) => Routes.PostResource(context, id);

    public static ApiResult Delete(ApiContext context, string id) => Routes.Delete(context, id);

    private static JObject Create(ApiContext context, JObject resource)
    {
        ControlEdits.RefuseIdentity(resource, Definition.Name);
        ControlEdits.ThrowIfInvalid(Check(context, resource, null), "Failed to create a new condition");

        var now = context.Store.Now();
        var row = context.Store.Conditions.Add(new JObject
        {
            ["name"] = resource.Value<string>("name"),
            ["description"] = resource.Value<string>("description"),
            ["guid"] = resource.Value<string>("guid") ?? ControlRows.NewGuid(),
            ["towhat"] = resource.Value<string>("towhat"),
            ["modifier"] = resource.Value<string>("modifier") ?? "allow",
            ["read_only"] = false,
            ["notes"] = resource.Value<string>("notes"),
            ["expression"] = new JObject { ["exp"] = resource["expression"]!.DeepClone() },
            ["created_on"] = now,
            ["updated_on"] = now,
        });
        return ControlRows.Render(context, Definition, row);
    }

    private static JObject Edit(ApiContext context, JObject row, JObject resource)
    {
        var merged = ControlEdits.Merge(row, resource, EditableKeys);
        if (resource["expression"] is JObject expression)
        {
            merged["expression"] = new JObject { ["exp"] = expression.DeepClone() };
        }

        ControlEdits.ThrowIfInvalid(Check(context, merged, row.Value<long>("id")), "Failed to update condition");
        return ControlEdits.Save(context, Definition, row, merged);
    }

    private static JObject Delete(ApiContext context, JObject row)
    {
        if (row.Value<bool?>("read_only") == true)
        {
            throw ApiException.BadRequest("Read only condition cannot be deleted.");
        }

        var id = row.Value<long>("id");
        context.Store.Conditions.Remove(id);
        foreach (var list in context.Store.PolicyConditions.Values)
        {
            list.Remove(id);
        }

        return Envelope.Result(true, $"Deleting Condition id: {id} name: '{row.Value<string>("name")}'", context.Href(Definition.Name, id));
    }

    private static List<string> Check(ApiContext context, JObject values, long? selfId)
    {
        var errors = ControlRows.Validate(context.Store.Conditions, values, selfId, ["name", "description", "expression", "towhat"], ["name", "description", "guid"]);
        if (values.Value<string>("towhat") is { } towhat && !ControlRows.Towhat.Contains(towhat))
        {
            errors.Add("Towhat is not included in the list");
        }

        if (values["expression"] is { } e && e.Type != JTokenType.Object && e.Type != JTokenType.Null)
        {
            errors.Add("Expression must be a hash");
        }

        return errors;
    }
}

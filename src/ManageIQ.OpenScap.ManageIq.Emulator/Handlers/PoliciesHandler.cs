using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// Policies (facts 58-59): create needs all of name, mode, description, towhat, conditions_ids and
/// policy_contents; edit answers the policy object and replaces contents and conditions when given.
/// Create keeps only name, description, mode and towhat, as <c>PoliciesController#create_policy</c> does: a guid
/// or notes sent on create are dropped (a new guid is made); edit (<c>policy.update(data)</c>) sets both.
/// </summary>
internal static class PoliciesHandler
{
    private static readonly CollectionDefinition Definition = Collections.Policies;
    private static readonly string[] EditableKeys = ["name", "description", "mode", "towhat", "active", "notes", "guid"];
    private static readonly string[] RequiredOnCreate = ["name", "mode", "description", "towhat", "conditions_ids", "policy_contents"];

    private static readonly ControlCollection Routes = new(Definition, "miq_policy", Create, Edit, Delete);

    public static ApiResult PostCollection(ApiContext context) => Routes.PostCollection(context);

    public static ApiResult PostResource(ApiContext context, string id) => Routes.PostResource(context, id);

    public static ApiResult Delete(ApiContext context, string id) => Routes.Delete(context, id);

    private static JObject Create(ApiContext context, JObject resource)
    {
        var missing = RequiredOnCreate.Where(k => resource[k] is null).ToList();
        if (missing.Count > 0)
        {
            throw ApiException.BadRequest($"Resource {string.Join(", ", missing)} must be specified when creating a new policies");
        }

        var (conditions, contents) = Relations(context.Store, resource, "Could not create the new policy");
        ControlEdits.ThrowIfInvalid(Check(context.Store, resource, null), "Could not create the new policy");

        var now = context.Store.Now();
        var row = context.Store.Policies.Add(new JObject
        {
            ["name"] = resource.Value<string>("name"),
            ["description"] = resource.Value<string>("description"),
            ["guid"] = ControlRows.NewGuid(),
            ["mode"] = resource.Value<string>("mode"),
            ["towhat"] = resource.Value<string>("towhat"),
            ["active"] = resource.Value<bool?>("active") ?? true,
            ["read_only"] = false,
            ["expression"] = null,
            ["notes"] = null,
            ["created_on"] = now,
            ["updated_on"] = now,
        });
        var id = row.Value<long>("id");
        context.Store.PolicyConditions[id] = conditions!;
        context.Store.PolicyContents[id] = contents!;
        return ControlRows.Render(context, Definition, row);
    }

    private static JObject Edit(ApiContext context, JObject row, JObject resource)
    {
        var merged = ControlEdits.Merge(row, resource, EditableKeys);

        var (conditions, contents) = Relations(context.Store, resource, "Could not edit the policy");
        ControlEdits.ThrowIfInvalid(Check(context.Store, merged, row.Value<long>("id")), "Could not edit the policy");

        foreach (var property in merged.Properties())
        {
            row[property.Name] = property.Value.DeepClone();
        }

        var id = row.Value<long>("id");
        if (conditions is not null)
        {
            context.Store.PolicyConditions[id] = conditions;
        }

        if (contents is not null)
        {
            context.Store.PolicyContents[id] = contents;
        }

        row["updated_on"] = context.Store.Now();
        context.Store.Policies.Touch();
        return ControlRows.Render(context, Definition, row);
    }

    private static JObject Delete(ApiContext context, JObject row)
    {
        if (row.Value<bool?>("read_only") == true)
        {
            throw ApiException.BadRequest("Read only policy cannot be deleted.");
        }

        var id = row.Value<long>("id");
        context.Store.Policies.Remove(id);
        context.Store.PolicyConditions.Remove(id);
        context.Store.PolicyContents.Remove(id);
        foreach (var list in context.Store.ProfilePolicies.Values)
        {
            list.Remove(id);
        }

        return Envelope.Result(true, $"Deleting Policy id: {id} name: '{row.Value<string>("name")}'", context.Href(Definition.Name, id));
    }

    /// <summary>Reads conditions_ids and policy_contents, checking every referenced id exists.</summary>
    private static (List<long>? Conditions, List<PolicyContent>? Contents) Relations(EmulatorStore store, JObject resource, string failure)
    {
        List<long>? conditions = null;
        if (resource["conditions_ids"] is { } c)
        {
            conditions = c is JArray array ? [.. array.Select(t => ParseId(t, "Condition", failure))] : throw ApiException.BadRequest($"{failure} - conditions_ids must be an array");
            foreach (var id in conditions.Where(id => store.Conditions.Find(id) is null))
            {
                throw ApiException.BadRequest($"{failure} - Couldn't find Condition with 'id'={id}");
            }
        }

        List<PolicyContent>? contents = null;
        if (resource["policy_contents"] is { } p)
        {
            contents = PolicyContentReader.Read(p as JArray ?? throw ApiException.BadRequest($"{failure} - policy_contents must be an array"));
            foreach (var content in contents)
            {
                if (store.Events.Find(content.EventId) is null)
                {
                    throw ApiException.BadRequest($"{failure} - Couldn't find MiqEventDefinition with 'id'={content.EventId}");
                }

                if (store.Actions.Find(content.ActionId) is null)
                {
                    throw ApiException.BadRequest($"{failure} - Couldn't find MiqAction with 'id'={content.ActionId}");
                }
            }
        }

        return (conditions, contents);
    }

    private static long ParseId(JToken token, string klass, string failure) =>
        long.TryParse(token.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiException.BadRequest($"{failure} - Couldn't find {klass} with 'id'={token}");

    private static List<string> Check(EmulatorStore store, JObject values, long? selfId)
    {
        var errors = ControlRows.Validate(store.Policies, values, selfId, ["name", "description", "mode", "towhat"], ["name", "description", "guid"]);
        if (values.Value<string>("mode") is { } mode && mode is not ("compliance" or "control"))
        {
            errors.Add("Mode is not included in the list");
        }

        if (values.Value<string>("towhat") is { } towhat && !ControlRows.Towhat.Contains(towhat))
        {
            errors.Add("Towhat is not included in the list");
        }

        return errors;
    }
}

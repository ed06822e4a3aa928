using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// Policy profiles (facts 55-57, 65): description required, read-only profiles refuse edit and delete. Create and
/// edit take any column (the generic <c>create_resource</c>): a guid given is kept, and <c>set_data</c>, the serialized
/// Hash where ManageIQ keeps a profile's notes (<c>set_data[:notes]</c>), is stored as given.
/// </summary>
internal static class PolicyProfilesHandler
{
    private static readonly CollectionDefinition Definition = Collections.PolicyProfiles;
    private static readonly string[] EditableKeys = ["name", "description", "mode", "set_data", "guid"];

    private static readonly ControlCollection Routes = new(Definition, "miq_policy_set", Create, Edit, Delete);

    public static ApiResult PostCollection(ApiContext context) => Routes.PostCollection(context);

    public static ApiResult PostResource(ApiContext context, string id) => Routes.PostResource(context, id);

    public static ApiResult Delete(ApiContext context, string id) => Routes.Delete(context, id);

    public static ApiResult PostPolicies(ApiContext context, string id)
    {
        if (!context.Allows("miq_policy_conditions_assignment") && !context.Allows("miq_policy_events_assignment"))
        {
            throw ApiException.Forbidden($"Use of Action {Envelope.Action(context)} is forbidden");
        }

        var profile = ReadHandler.Find(context, Definition, id);
        var profileId = profile.Value<long>("id");
        if (!context.Store.ProfilePolicies.TryGetValue(profileId, out var assigned))
        {
            context.Store.ProfilePolicies[profileId] = assigned = [];
        }

        return Assignment.Run(context, context.Store.Policies, "policies", "Policy", "policy", assigned, context.Href(Definition.Name, profileId));
    }

    private static JObject Create(ApiContext context, JObject resource)
    {
        ControlEdits.RefuseIdentity(resource, Definition.Name);

        var values = (JObject)resource.DeepClone();
        values["name"] ??= values["description"]?.DeepClone();
        var errors = ControlRows.Validate(context.Store.PolicyProfiles, values, null, ["description"], ["description", "guid"]);
        CheckSetData(values, errors);
        ControlEdits.ThrowIfInvalid(errors, "Failed to add a new policy_profiles resource");

        var now = context.Store.Now();
        var row = context.Store.PolicyProfiles.Add(new JObject
        {
            ["name"] = values.Value<string>("name"),
            ["description"] = values.Value<string>("description"),
            ["guid"] = values.Value<string>("guid") ?? ControlRows.NewGuid(),
            ["mode"] = values.Value<string>("mode") ?? "control",
            ["read_only"] = false,
            ["set_type"] = "MiqPolicySet",
            ["set_data"] = values["set_data"]?.DeepClone(),
            ["created_on"] = now,
            ["updated_on"] = now,
        });
        context.Store.ProfilePolicies[row.Value<long>("id")] = [];
        return ControlRows.Render(context, Definition, row);
    }

    private static JObject Edit(ApiContext context, JObject row, JObject resource)
    {
        if (row.Value<bool?>("read_only") == true)
        {
            throw ApiException.Forbidden("Api::ForbiddenError");
        }

        var merged = ControlEdits.Merge(row, resource, EditableKeys);
        var errors = ControlRows.Validate(context.Store.PolicyProfiles, merged, row.Value<long>("id"), ["description"], ["description", "guid"]);
        CheckSetData(merged, errors);
        ControlEdits.ThrowIfInvalid(errors, "Failed to update policy_profiles resource");
        return ControlEdits.Save(context, Definition, row, merged);
    }

    private static JObject Delete(ApiContext context, JObject row)
    {
        if (row.Value<bool?>("read_only") == true)
        {
            throw ApiException.Forbidden("Api::ForbiddenError");
        }

        var id = row.Value<long>("id");
        context.Store.PolicyProfiles.Remove(id);
        context.Store.ProfilePolicies.Remove(id);
        foreach (var list in context.Store.ProviderProfiles.Values)
        {
            list.Remove(id);
        }

        return Envelope.Result(true, $"Deleting Policy Profile id: {id} name: '{row.Value<string>("name")}'", context.Href(Definition.Name, id));
    }

    /// <summary><c>serialize :set_data</c> holds a Hash: anything else fails ActiveRecord's serialization.</summary>
    private static void CheckSetData(JObject values, List<string> errors)
    {
        if (values["set_data"] is { } data && data.Type is not (JTokenType.Object or JTokenType.Null))
        {
            errors.Add("Set data must be a hash");
        }
    }
}

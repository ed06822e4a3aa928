using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>The members of one parent's subcollection and how to name them.</summary>
internal sealed record Subcollection(string Name, CollectionDefinition Definition, IReadOnlyList<JObject> Rows, int ClassCount, string ParentHref)
{
    public string Href(JObject row) => $"{ParentHref}/{Name}/{row.Value<long>("id")}";

    public string CollectionHref => $"{ParentHref}/{Name}";

    /// <summary>Resolves <c>/api/{parent}/{id}/{name}</c>; null when the parent has no such subcollection.</summary>
    public static Subcollection? Resolve(ApiContext context, CollectionDefinition parent, JObject row, string name)
    {
        if (!parent.Subcollections.Contains(name))
        {
            return null;
        }

        var store = context.Store;
        var id = row.Value<long>("id");
        var parentHref = context.Href(parent.Name, id);
        return name switch
        {
            "custom_attributes" => new(name, Collections.CustomAttributes, CustomAttributeRows(context, parent, id), store.CustomAttributes.Count, parentHref),
            "policy_profiles" => new(name, Collections.PolicyProfiles, Lookup(store.PolicyProfiles, store.ProviderProfiles.GetValueOrDefault(id)), store.PolicyProfiles.Count, parentHref),
            "policies" when parent == Collections.PolicyProfiles =>
                new(name, Collections.Policies, Lookup(store.Policies, store.ProfilePolicies.GetValueOrDefault(id)), store.Policies.Count, parentHref),
            "policies" => new(name, Collections.Policies, Lookup(store.Policies, (store.ProviderProfiles.GetValueOrDefault(id) ?? []).SelectMany(p => store.ProfilePolicies.GetValueOrDefault(p) ?? []).Distinct().ToList()), store.Policies.Count, parentHref),
            "conditions" => new(name, Collections.Conditions, Lookup(store.Conditions, store.PolicyConditions.GetValueOrDefault(id)), store.Conditions.Count, parentHref),
            "events" => new(name, Collections.Events, Lookup(store.Events, (store.PolicyContents.GetValueOrDefault(id) ?? []).Select(c => c.EventId).Distinct().ToList()), store.Events.Count, parentHref),
            "policy_actions" => new(name, Collections.Actions, Lookup(store.Actions, (store.PolicyContents.GetValueOrDefault(id) ?? []).Select(c => c.ActionId).Distinct().ToList()), store.Actions.Count, parentHref),
            _ => null,
        };
    }

    public static string ResourceType(CollectionDefinition parent) => parent == Collections.Providers ? "ExtManagementSystem" : "ContainerImage";

    private static List<JObject> CustomAttributeRows(ApiContext context, CollectionDefinition parent, long id)
    {
        return [.. context.Store.CustomAttributes.OwnedBy(Store.EmulatorStore.Owner(ResourceType(parent), id))];
    }

    private static List<JObject> Lookup(Store.ResourceTable table, List<long>? ids) =>
        [.. (ids ?? []).Select(table.Find).OfType<JObject>()];
}

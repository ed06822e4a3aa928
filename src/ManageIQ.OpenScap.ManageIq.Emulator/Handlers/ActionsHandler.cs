using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// Control actions (fact 61, <c>MiqAction</c> validations): create needs name, description and action_type; name
/// matches <c>/\A[a-z0-9_-]+\z/i</c>; name and description are unique; action_type is one of
/// <c>MiqAction::TYPES</c>. A guid given is kept; <c>options</c> is stored as given (the API symbolizes its keys).
/// </summary>
internal static partial class ActionsHandler
{
    /// <summary><c>MiqAction::TYPES</c>: the creatable types; built-ins are seeded as <c>default</c>.</summary>
    public static readonly string[] Types =
    [
        "create_snapshot", "email", "snmp_trap", "tag", "reconfigure_memory", "reconfigure_cpus", "custom_automation",
        "evaluate_alerts", "assign_scan_profile", "set_custom_attribute", "inherit_parent_tags", "remove_tags",
        "delete_snapshots_by_age", "run_ansible_playbook",
    ];

    private static readonly CollectionDefinition Definition = Collections.Actions;
    private static readonly string[] EditableKeys = ["name", "description", "action_type", "options", "guid"];

    private static readonly ControlCollection Routes = new(Definition, "miq_action", Create, Edit, Delete);

    public static ApiResult PostCollection(ApiContext context) => Routes.PostCollection(context);

    public static ApiResult PostResource(ApiContext context, string id) => Routes.PostResource(context, id);

    public static ApiResult Delete(ApiContext context, string id) => Routes.Delete(context, id);

    private static JObject Create(ApiContext context, JObject resource)
    {
        ControlEdits.RefuseIdentity(resource, Definition.Name);
        ControlEdits.ThrowIfInvalid(Check(context, resource, null), "Failed to add a new actions resource");

        var now = context.Store.Now();
        var row = context.Store.Actions.Add(new JObject
        {
            ["name"] = resource.Value<string>("name"),
            ["description"] = resource.Value<string>("description"),
            ["guid"] = resource.Value<string>("guid") ?? ControlRows.NewGuid(),
            ["action_type"] = resource.Value<string>("action_type"),
            ["options"] = resource["options"]?.DeepClone() ?? new JObject(),
            ["created_on"] = now,
            ["updated_on"] = now,
        });
        return ControlRows.Render(context, Definition, row);
    }

    private static JObject Edit(ApiContext context, JObject row, JObject resource)
    {
        var merged = ControlEdits.Merge(row, resource, EditableKeys);
        ControlEdits.ThrowIfInvalid(Check(context, merged, row.Value<long>("id")), "Failed to update actions resource");
        return ControlEdits.Save(context, Definition, row, merged);
    }

    private static JObject Delete(ApiContext context, JObject row)
    {
        var id = row.Value<long>("id");
        context.Store.Actions.Remove(id);
        foreach (var contents in context.Store.PolicyContents.Values)
        {
            contents.RemoveAll(c => c.ActionId == id);
        }

        return Envelope.Result(true, $"Deleting Action id: {id} name: '{row.Value<string>("name")}'", context.Href(Definition.Name, id));
    }

    private static List<string> Check(ApiContext context, JObject values, long? selfId)
    {
        var errors = ControlRows.Validate(context.Store.Actions, values, selfId, ["name", "description", "action_type"], ["name", "description", "guid"]);
        if (values.Value<string>("name") is { Length: > 0 } name && !NamePattern().IsMatch(name))
        {
            errors.Add("Name may contain only alphanumeric and _ - characters");
        }

        if (values.Value<string>("action_type") is { Length: > 0 } type && type != "default" && !Types.Contains(type))
        {
            errors.Add("Action type is not included in the list");
        }

        if (values["options"] is { } options && options.Type is not (JTokenType.Object or JTokenType.Null))
        {
            errors.Add("Options must be a hash");
        }

        return errors;
    }

    [GeneratedRegex(@"\A[a-z0-9_-]+\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

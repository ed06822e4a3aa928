using ManageIQ.OpenScap.Control.Format;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>
/// Turns the <see cref="ControlView"/> of a Control export into profiles, with the checks ManageIQ's models make
/// (required and allowed values) plus the bridge's own: every profile, policy and condition has a fixed guid, and
/// notes leave room for the ownership mark. Errors name the file and the object.
/// </summary>
public static class PolicyFileParser
{
    /// <summary><c>MiqPolicy::TOWHAT_APPLIES_TO_CLASSES</c>, the targets a policy or condition may have.</summary>
    public static readonly IReadOnlyList<string> Towhat =
        ["ContainerGroup", "ContainerImage", "ContainerNode", "ContainerProject", "ContainerReplicator", "ExtManagementSystem", "Host", "PhysicalServer", "Vm"];

    /// <summary>The <c>notes</c> column of policies holds at most this many characters.</summary>
    public const int MaxNotes = 512;

    public static IReadOnlyList<PolicyProfileSource> Parse(JToken view, string file)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view is not JArray entries)
        {
            throw new ControlFileException($"{file}: the top level is not an array of MiqPolicySet entries.");
        }

        var profiles = new List<PolicyProfileSource>();
        foreach (var entry in entries)
        {
            if (entry is not JObject { Count: 1 } one)
            {
                throw new ControlFileException($"{file}: each entry is a one-key hash named after its class (MiqPolicySet).");
            }

            var klass = one.Properties().Single().Name;
            if (klass != "MiqPolicySet")
            {
                throw new ControlFileException($"{file}: entry of class {klass}: the bridge registers policy profiles, so each entry is an MiqPolicySet holding its MiqPolicy entries.");
            }

            profiles.Add(Profile(Object(one[klass], $"{file}: MiqPolicySet"), file));
        }

        return profiles;
    }

    private static PolicyProfileSource Profile(JObject set, string file)
    {
        var description = Required(set, "description", $"{file}: MiqPolicySet");
        var where = $"{file}: MiqPolicySet '{description}'";
        var name = Optional(set, "name", where) ?? description;
        var mode = Optional(set, "mode", where) ?? "control";
        var setType = Optional(set, "set_type", where);
        if (setType is not (null or "MiqPolicySet"))
        {
            throw new ControlFileException($"{where}: set_type is {setType}, not MiqPolicySet.");
        }

        string? notes = null;
        if (set["set_data"] is JObject data)
        {
            notes = Optional(data, ControlView.Symbol("notes"), where + " set_data") ?? Optional(data, "notes", where + " set_data");
        }
        else if (set["set_data"] is { Type: not JTokenType.Null })
        {
            throw new ControlFileException($"{where}: set_data is not a hash.");
        }

        CheckNotes(notes, where);
        var policies = Array(set, "MiqPolicy", where).Select(p => Policy(Object(p, where + " MiqPolicy"), where)).ToList();
        if (policies.Count == 0)
        {
            throw new ControlFileException($"{where}: no MiqPolicy.");
        }

        return new PolicyProfileSource(name, description, Guid(set, where), mode, notes, policies, file);
    }

    private static PolicySource Policy(JObject policy, string parent)
    {
        var description = Required(policy, "description", parent + " MiqPolicy");
        var where = $"{parent} MiqPolicy '{description}'";
        var name = Required(policy, "name", where);
        var towhat = Required(policy, "towhat", where);
        CheckTowhat(towhat, where);
        var mode = Optional(policy, "mode", where) ?? "control";
        if (mode is not ("compliance" or "control"))
        {
            throw new ControlFileException($"{where}: mode {mode} is neither compliance nor control.");
        }

        if (policy["expression"] is { Type: not JTokenType.Null })
        {
            throw new ControlFileException($"{where}: a policy scope (expression) is not registered by the bridge; put the test in a condition.");
        }

        var notes = Optional(policy, "notes", where);
        CheckNotes(notes, where);
        var active = policy["active"] is { Type: JTokenType.Boolean } a ? (bool)a! : policy["active"] is null or { Type: JTokenType.Null } ? true
            : throw new ControlFileException($"{where}: active is not true or false.");
        var contents = Array(policy, "MiqPolicyContent", where).Select(c => Content(Object(c, where + " MiqPolicyContent"), where)).ToList();
        var conditions = Array(policy, "Condition", where).Select(c => Condition(Object(c, where + " Condition"), where)).ToList();
        if (mode == "compliance" && !contents.Any(c => c.Qualifier is "failure" or "both" && c.Action?.Name == "compliance_failed"))
        {
            throw new ControlFileException($"{where}: a compliance policy marks nothing non-compliant without the compliance_failed action on failure.");
        }

        return new PolicySource(name, description, Guid(policy, where), towhat, mode, active, notes, contents, conditions);
    }

    private static PolicyContentSource Content(JObject content, string where)
    {
        var qualifier = Optional(content, "qualifier", where) ?? "failure";
        if (qualifier is not ("success" or "failure" or "both"))
        {
            throw new ControlFileException($"{where}: qualifier {qualifier} is not success, failure or both.");
        }

        var ev = Object(content["MiqEventDefinition"] ?? content["MiqEvent"], where + " MiqEventDefinition");
        var eventName = Required(ev, "name", where + " MiqEventDefinition");
        PolicyActionSource? action = null;
        if (content["MiqAction"] is JObject a)
        {
            var actionWhere = where + " MiqAction";
            var name = Required(a, "name", actionWhere);
            if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
            {
                throw new ControlFileException($"{actionWhere}: name '{name}' may hold only letters, digits, _ and -.");
            }

            var options = a["options"] is JObject o ? o : a["options"] is null or { Type: JTokenType.Null } ? [] : throw new ControlFileException($"{actionWhere} '{name}': options is not a hash.");
            if (options.Properties().Any(p => p.Name[0] != ControlView.SymbolPrefix))
            {
                throw new ControlFileException($"{actionWhere} '{name}': options keys must be Ruby symbols (:ae_request:), as ManageIQ reads them.");
            }

            action = new PolicyActionSource(name, Required(a, "description", actionWhere), Optional(a, "action_type", actionWhere) ?? PolicyActionSource.BuiltIn, options);
        }

        return new PolicyContentSource(qualifier, eventName, Optional(ev, "description", where), action);
    }

    private static ConditionSource Condition(JObject condition, string parent)
    {
        var description = Required(condition, "description", parent + " Condition");
        var where = $"{parent} Condition '{description}'";
        var towhat = Required(condition, "towhat", where);
        CheckTowhat(towhat, where);
        if (condition["expression"] is not JObject { Count: 1 } tagged || tagged[ControlView.MiqExpressionKey] is not JObject expression)
        {
            throw new ControlFileException($"{where}: expression is not a !ruby/object:MiqExpression; ManageIQ would store a plain hash and read it as a legacy tag expression.");
        }

        if (expression["exp"] is not JObject exp)
        {
            throw new ControlFileException($"{where}: the MiqExpression has no exp hash.");
        }

        if (condition["applies_to_exp"] is { Type: not JTokenType.Null })
        {
            throw new ControlFileException($"{where}: a condition scope (applies_to_exp) is not registered by the bridge.");
        }

        if (condition["modifier"] is { Type: not JTokenType.Null })
        {
            throw new ControlFileException($"{where}: modifier was dropped from ManageIQ in 2017; write the test with \"not\".");
        }

        var notes = Optional(condition, "notes", where);
        CheckNotes(notes, where);
        return new ConditionSource(Required(condition, "name", where), description, Guid(condition, where), towhat, exp, notes);
    }

    private static string Guid(JObject value, string where)
    {
        var guid = Required(value, "guid", where);
        return System.Guid.TryParse(guid, out var parsed) && parsed.ToString() == guid
            ? guid
            : throw new ControlFileException($"{where}: guid '{guid}' is not a lower-case UUID.");
    }

    private static void CheckTowhat(string towhat, string where)
    {
        if (!Towhat.Contains(towhat))
        {
            throw new ControlFileException($"{where}: towhat {towhat} is not one of {string.Join(", ", Towhat)}.");
        }
    }

    private static void CheckNotes(string? notes, string where)
    {
        if ((notes?.Length ?? 0) + Ownership.OwnershipMark.MaxLength + 1 > MaxNotes)
        {
            throw new ControlFileException($"{where}: notes longer than {MaxNotes - Ownership.OwnershipMark.MaxLength - 1} characters leave no room for the bridge's ownership mark.");
        }
    }

    private static JObject Object(JToken? token, string where) =>
        token as JObject ?? throw new ControlFileException($"{where}: not a hash.");

    private static JArray Array(JObject value, string key, string where) => value[key] switch
    {
        JArray array => array,
        null or { Type: JTokenType.Null } => [],
        _ => throw new ControlFileException($"{where}: {key} is not an array."),
    };

    private static string Required(JObject value, string key, string where) =>
        Optional(value, key, where) is { Length: > 0 } text ? text : throw new ControlFileException($"{where}: {key} is missing or empty.");

    private static string? Optional(JObject value, string key, string where) => value[key] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } s => (string)s!,
        _ => throw new ControlFileException($"{where}: {key} is not a string."),
    };
}

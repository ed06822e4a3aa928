using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Export;

/// <summary>
/// What ManageIQ's Control export (<c>MiqPolicySet#export_to_array</c>) would write for the registered profiles, built
/// from the API: the profile, its policies with their event/action rows (<c>miq_policy_contents</c>) and conditions,
/// keys in ManageIQ's column order. Read back with <see cref="PolicyFileParser"/> it compares with the source.
/// </summary>
public sealed class PolicyExporter
{
    private readonly IManageIqControlClient _client;
    private readonly Dictionary<long, EventDefinition> _events = [];
    private readonly Dictionary<long, PolicyAction> _actions = [];

    public PolicyExporter(IManageIqControlClient client)
    {
        _client = client;
    }

    /// <summary>The export of the registered profiles of <paramref name="sources"/> (only <paramref name="profileName"/> when given).</summary>
    public async Task<string> ExportAsync(IReadOnlyList<PolicyProfileSource> sources, string? profileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var chosen = profileName is null ? sources : [.. sources.Where(s => s.Name == profileName)];
        if (chosen.Count == 0)
        {
            throw new ControlFileException($"no profile named '{profileName}' in the policy files ({string.Join(", ", sources.Select(p => p.Name))}).");
        }

        var entries = new JArray();
        foreach (var source in chosen)
        {
            var profile = await _client.FindPolicyProfileByGuidAsync(source.Guid, cancellationToken).ConfigureAwait(false)
                ?? throw new ControlFileException($"profile '{source.Name}' ({source.Guid}) is not registered in ManageIQ; run `bridge policies register` first.");
            entries.Add(new JObject { ["MiqPolicySet"] = await ProfileAsync(profile, cancellationToken).ConfigureAwait(false) });
        }

        return RubyYamlWriter.Write(entries);
    }

    private async Task<JObject> ProfileAsync(PolicyProfile profile, CancellationToken cancellationToken)
    {
        var policies = new JArray();
        foreach (var policy in await _client.GetProfilePoliciesAsync(profile.Id, cancellationToken).ConfigureAwait(false))
        {
            policies.Add(await PolicyAsync(policy, cancellationToken).ConfigureAwait(false));
        }

        return new JObject
        {
            ["name"] = profile.Name,
            ["description"] = profile.Description,
            ["set_type"] = "MiqPolicySet",
            ["guid"] = profile.Guid,
            ["read_only"] = profile.ReadOnly,
            ["set_data"] = profile.SetData?.DeepClone(),
            ["mode"] = profile.Mode,
            ["owner_type"] = null,
            ["owner_id"] = null,
            ["userid"] = null,
            ["group_id"] = null,
            ["MiqPolicy"] = policies,
        };
    }

    private async Task<JObject> PolicyAsync(Policy policy, CancellationToken cancellationToken)
    {
        var contents = new JArray();
        foreach (var row in await _client.GetPolicyContentsAsync(policy.Id, cancellationToken).ConfigureAwait(false))
        {
            contents.Add(await ContentAsync(row, cancellationToken).ConfigureAwait(false));
        }

        var conditions = new JArray((await _client.GetPolicyConditionsAsync(policy.Id, cancellationToken).ConfigureAwait(false)).Select(Condition));
        return new JObject
        {
            ["name"] = policy.Name,
            ["description"] = policy.Description,
            ["expression"] = null,
            ["towhat"] = policy.Towhat,
            ["guid"] = policy.Guid,
            ["created_by"] = null,
            ["updated_by"] = null,
            ["notes"] = policy.Notes,
            ["active"] = policy.Active,
            ["mode"] = policy.Mode,
            ["read_only"] = policy.ReadOnly,
            ["MiqPolicyContent"] = contents,
            ["Condition"] = conditions,
        };
    }

    private async Task<JObject> ContentAsync(PolicyContentRow row, CancellationToken cancellationToken)
    {
        var content = new JObject { ["qualifier"] = row.Qualifier };
        // The export drops nil columns of a content row.
        AddIfSet(content, "success_sequence", row.SuccessSequence);
        AddIfSet(content, "failure_sequence", row.FailureSequence);
        AddIfSet(content, "success_synchronous", row.SuccessSynchronous);
        AddIfSet(content, "failure_synchronous", row.FailureSynchronous);
        if (!_events.TryGetValue(row.MiqEventDefinitionId, out var ev))
        {
            _events[row.MiqEventDefinitionId] = ev = await _client.GetEventDefinitionAsync(row.MiqEventDefinitionId, cancellationToken).ConfigureAwait(false);
        }

        content["MiqEventDefinition"] = new JObject
        {
            ["name"] = ev.Name,
            ["description"] = ev.Description,
            ["guid"] = ev.Guid,
            ["event_type"] = ev.EventType,
            ["definition"] = null,
            ["default"] = ev.Default,
            ["enabled"] = ev.Enabled,
        };
        if (row.MiqActionId is { } actionId)
        {
            if (!_actions.TryGetValue(actionId, out var action))
            {
                _actions[actionId] = action = await _client.GetActionAsync(actionId, cancellationToken).ConfigureAwait(false);
            }

            content["MiqAction"] = new JObject
            {
                ["name"] = action.Name,
                ["description"] = action.Description,
                ["guid"] = action.Guid,
                ["action_type"] = action.ActionType,
                ["options"] = Symbolized(action.Options ?? []),
            };
        }

        return content;
    }

    private static JObject Condition(Condition condition) => new()
    {
        ["name"] = condition.Name,
        ["description"] = condition.Description,
        ["expression"] = new JObject
        {
            [ControlView.MiqExpressionKey] = new JObject { ["exp"] = condition.Expression?["exp"]?.DeepClone(), ["context_type"] = null },
        },
        ["towhat"] = condition.Towhat,
        ["file_mtime"] = null,
        ["guid"] = condition.Guid,
        ["filename"] = null,
        ["applies_to_exp"] = null,
        ["miq_policy_id"] = null,
        ["notes"] = condition.Notes,
        ["read_only"] = condition.ReadOnly,
    };

    /// <summary>Action options are a symbol-keyed Hash in ManageIQ (the API symbolizes them on the way in).</summary>
    private static JObject Symbolized(JObject options) =>
        new(options.Properties().Select(p => new JProperty(p.Name[0] == ControlView.SymbolPrefix ? p.Name : ControlView.Symbol(p.Name), p.Value is JObject o ? Symbolized(o) : p.Value.DeepClone())));

    private static void AddIfSet<T>(JObject content, string key, T? value)
        where T : struct
    {
        if (value is { } set)
        {
            content[key] = JToken.FromObject(set);
        }
    }
}

using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.ManageIq.Querying;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Control: event definitions, actions, conditions, policies and profiles.</summary>
public sealed partial class ManageIqClient
{
    public Task<EventDefinition?> FindEventDefinitionAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<EventDefinition>("events", name, cancellationToken);

    public Task<PolicyAction?> FindActionAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<PolicyAction>("actions", name, cancellationToken);

    public IAsyncEnumerable<Condition> GetConditionsAsync(CancellationToken cancellationToken = default) =>
        PageAsync<Condition>("api/conditions", new QueryBuilder().ExpandResources().Sort("id", descending: false).Build(), cancellationToken);

    public Task<Condition?> FindConditionAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<Condition>("conditions", name, cancellationToken);

    public Task<Condition> CreateConditionAsync(ConditionInput condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return CreateAsync<Condition>("api/conditions", ToJson(condition), cancellationToken);
    }

    public Task<Condition> EditConditionAsync(long conditionId, ConditionInput condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return EditAsync<Condition>("conditions", conditionId, ToJson(condition), cancellationToken);
    }

    public Task<Policy?> FindPolicyAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<Policy>("policies", name, cancellationToken);

    public Task<Policy> CreatePolicyAsync(PolicyInput policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return CreateAsync<Policy>("api/policies", ToJson(policy), cancellationToken);
    }

    public Task<Policy> EditPolicyAsync(long policyId, PolicyInput policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return EditAsync<Policy>("policies", policyId, ToJson(policy), cancellationToken);
    }

    public Task<PolicyProfile?> FindPolicyProfileAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<PolicyProfile>("policy_profiles", name, cancellationToken);

    public Task<PolicyProfile> CreatePolicyProfileAsync(PolicyProfileInput profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var resource = new JObject { ["name"] = profile.Name, ["description"] = profile.Description, ["mode"] = profile.Mode };
        return CreateAsync<PolicyProfile>("api/policy_profiles", resource, cancellationToken);
    }

    public Task<IReadOnlyList<Policy>> GetProfilePoliciesAsync(long profileId, CancellationToken cancellationToken = default) =>
        ListAsync<Policy>($"api/policy_profiles/{Id(profileId)}/policies", cancellationToken);

    public Task<IReadOnlyList<ActionResult>> AssignPoliciesAsync(long profileId, IReadOnlyCollection<long> policyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        return AssignAsync($"api/policy_profiles/{Id(profileId)}/policies", "assign", [.. policyIds.Select(id => Href("policies", id))], cancellationToken);
    }

    public Task<IReadOnlyList<PolicyProfile>> GetProviderPolicyProfilesAsync(long providerId, CancellationToken cancellationToken = default) =>
        ListAsync<PolicyProfile>($"api/providers/{Id(providerId)}/policy_profiles", cancellationToken);

    public async Task<ActionResult> AssignPolicyProfileAsync(long providerId, long profileId, CancellationToken cancellationToken = default) =>
        (await AssignAsync($"api/providers/{Id(providerId)}/policy_profiles", "assign", [Href("policy_profiles", profileId)], cancellationToken))[0];

    public async Task<ActionResult> UnassignPolicyProfileAsync(long providerId, long profileId, CancellationToken cancellationToken = default) =>
        (await AssignAsync($"api/providers/{Id(providerId)}/policy_profiles", "unassign", [Href("policy_profiles", profileId)], cancellationToken))[0];

    /// <summary>Assign/unassign by href in the bulk form; a refused member becomes an exception, not a silent result.</summary>
    private async Task<IReadOnlyList<ActionResult>> AssignAsync(string path, string action, IReadOnlyList<string> hrefs, CancellationToken cancellationToken)
    {
        if (hrefs.Count == 0)
        {
            return [];
        }

        var body = new JObject { ["action"] = action, ["resources"] = new JArray(hrefs.Select(h => new JObject { ["href"] = h })) };
        var request = ApiRequest.Post(path, body);
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe)
            .Select(r => Json.To<ActionResult>(r, request.Describe))
            .ToList();
        if (results.FirstOrDefault(r => !r.Success) is { } refused)
        {
            throw new Errors.ManageIqApiException(System.Net.HttpStatusCode.OK, null, refused.Message ?? $"{action} refused", null, request.Describe);
        }

        return results;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await foreach (var item in PageAsync<T>(path, new QueryBuilder().ExpandResources().Build(), cancellationToken))
        {
            result.Add(item);
        }

        return result;
    }

    private static JObject ToJson(ConditionInput condition) => new()
    {
        ["name"] = condition.Name,
        ["description"] = condition.Description,
        ["towhat"] = condition.Towhat,
        ["expression"] = condition.Expression.DeepClone(),
    };

    private static JObject ToJson(PolicyInput policy) => new()
    {
        ["name"] = policy.Name,
        ["description"] = policy.Description,
        ["mode"] = policy.Mode,
        ["towhat"] = policy.Towhat,
        ["conditions_ids"] = new JArray(policy.ConditionIds),
        ["policy_contents"] = new JArray(policy.Contents.Select(c => new JObject
        {
            ["event_id"] = c.EventId,
            ["actions"] = new JArray(c.Actions.Select(a => new JObject
            {
                ["action_id"] = a.ActionId,
                ["opts"] = new JObject { ["qualifier"] = a.Qualifier, ["synchronous"] = a.Synchronous },
            })),
        })),
    };
}

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

    public IAsyncEnumerable<Policy> GetPoliciesAsync(CancellationToken cancellationToken = default) =>
        PageAsync<Policy>("api/policies", new QueryBuilder().ExpandResources().Sort("id", descending: false).Build(), cancellationToken);

    public IAsyncEnumerable<PolicyProfile> GetPolicyProfilesAsync(CancellationToken cancellationToken = default) =>
        PageAsync<PolicyProfile>("api/policy_profiles", new QueryBuilder().ExpandResources().Sort("id", descending: false).Build(), cancellationToken);

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

    /// <summary>
    /// Creates the policy; ManageIQ's create keeps only name, description, mode and towhat, so a guid or notes it did
    /// not keep are set by one edit right after.
    /// </summary>
    public async Task<Policy> CreatePolicyAsync(PolicyInput policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var created = await CreateAsync<Policy>("api/policies", ToJson(policy), cancellationToken);
        var missing = new JObject();
        if (policy.Guid is not null && created.Guid != policy.Guid)
        {
            missing["guid"] = policy.Guid;
        }

        if (policy.Notes is not null && created.Notes != policy.Notes)
        {
            missing["notes"] = policy.Notes;
        }

        return missing.Count == 0 ? created : await EditAsync<Policy>("policies", created.Id, missing, cancellationToken);
    }

    public Task<Policy> EditPolicyAsync(long policyId, PolicyInput policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return EditAsync<Policy>("policies", policyId, ToJson(policy), cancellationToken);
    }

    public Task<PolicyAction?> FindActionByDescriptionAsync(string description, CancellationToken cancellationToken = default) =>
        FindByAsync<PolicyAction>("actions", "description", description, cancellationToken);

    public Task<PolicyAction> GetActionAsync(long actionId, CancellationToken cancellationToken = default) =>
        GetAsync<PolicyAction>($"api/actions/{Id(actionId)}", cancellationToken);

    public Task<PolicyAction> CreateActionAsync(PolicyActionInput action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var resource = new JObject
        {
            ["name"] = action.Name,
            ["description"] = action.Description,
            ["action_type"] = action.ActionType,
            ["options"] = action.Options.DeepClone(),
        };
        if (action.Guid is not null)
        {
            resource["guid"] = action.Guid;
        }

        return CreateAsync<PolicyAction>("api/actions", resource, cancellationToken);
    }

    public Task<EventDefinition> GetEventDefinitionAsync(long eventId, CancellationToken cancellationToken = default) =>
        GetAsync<EventDefinition>($"api/events/{Id(eventId)}", cancellationToken);

    public Task<Condition?> FindConditionByGuidAsync(string objectGuid, CancellationToken cancellationToken = default) =>
        FindByAsync<Condition>("conditions", "guid", objectGuid, cancellationToken);

    public Task<Condition?> FindConditionByDescriptionAsync(string description, CancellationToken cancellationToken = default) =>
        FindByAsync<Condition>("conditions", "description", description, cancellationToken);

    public Task<Policy?> FindPolicyByDescriptionAsync(string description, CancellationToken cancellationToken = default) =>
        FindByAsync<Policy>("policies", "description", description, cancellationToken);

    public Task<PolicyProfile?> FindPolicyProfileByDescriptionAsync(string description, CancellationToken cancellationToken = default) =>
        FindByAsync<PolicyProfile>("policy_profiles", "description", description, cancellationToken);

    public Task DeleteConditionAsync(long conditionId, CancellationToken cancellationToken = default) =>
        DeleteAsync("conditions", conditionId, cancellationToken);

    public Task<Policy?> FindPolicyByGuidAsync(string objectGuid, CancellationToken cancellationToken = default) =>
        FindByAsync<Policy>("policies", "guid", objectGuid, cancellationToken);

    public Task<IReadOnlyList<Condition>> GetPolicyConditionsAsync(long policyId, CancellationToken cancellationToken = default) =>
        ListAsync<Condition>($"api/policies/{Id(policyId)}/conditions", cancellationToken);

    public async Task<IReadOnlyList<PolicyContentRow>> GetPolicyContentsAsync(long policyId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get($"api/policies/{Id(policyId)}", new KeyValuePair<string, string>("attributes", "miq_policy_contents"));
        var answer = await _connection.SendAsync(request, cancellationToken);
        return answer?["miq_policy_contents"] is JArray rows
            ? [.. rows.Select(r => Json.To<PolicyContentRow>(r, request.Describe))]
            : throw new Errors.ManageIqResponseException($"{request.Describe} answered without miq_policy_contents.") { Request = request.Describe };
    }

    public Task DeletePolicyAsync(long policyId, CancellationToken cancellationToken = default) =>
        DeleteAsync("policies", policyId, cancellationToken);

    public Task<PolicyProfile?> FindPolicyProfileByGuidAsync(string objectGuid, CancellationToken cancellationToken = default) =>
        FindByAsync<PolicyProfile>("policy_profiles", "guid", objectGuid, cancellationToken);

    public Task<PolicyProfile> EditPolicyProfileAsync(long profileId, PolicyProfileInput profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return EditAsync<PolicyProfile>("policy_profiles", profileId, ToJson(profile), cancellationToken);
    }

    public Task DeletePolicyProfileAsync(long profileId, CancellationToken cancellationToken = default) =>
        DeleteAsync("policy_profiles", profileId, cancellationToken);

    public Task<IReadOnlyList<ActionResult>> UnassignPoliciesAsync(long profileId, IReadOnlyCollection<long> policyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        return AssignAsync($"api/policy_profiles/{Id(profileId)}/policies", "unassign", [.. policyIds.Select(id => Href("policies", id))], cancellationToken);
    }

    public Task<PolicyProfile?> FindPolicyProfileAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<PolicyProfile>("policy_profiles", name, cancellationToken);

    public Task<PolicyProfile> CreatePolicyProfileAsync(PolicyProfileInput profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var resource = ToJson(profile);
        if (profile.Guid is not null)
        {
            resource["guid"] = profile.Guid;
        }

        return CreateAsync<PolicyProfile>("api/policy_profiles", resource, cancellationToken);
    }

    public Task<IReadOnlyList<Policy>> GetProfilePoliciesAsync(long profileId, CancellationToken cancellationToken = default) =>
        ListAsync<Policy>($"api/policy_profiles/{Id(profileId)}/policies", cancellationToken);

    public Task<IReadOnlyList<ActionResult>> AssignPoliciesAsync(long profileId, IReadOnlyCollection<long> policyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        return AssignAsync($"api/policy_profiles/{Id(profileId)}/policies", "assign", [.. policyIds.Select(id => Href("policies", id))], cancellationToken);
    }

    /// <summary>
    /// One GET, never paged on: a provider has a handful of profiles, and the subcollection's <c>count</c> is that of every
    /// profile (ManageIQ counts the whole class), which would make the pager ask for more. Discovery makes this request
    /// per provider, so it is counted.
    /// </summary>
    public async Task<IReadOnlyList<PolicyProfile>> GetProviderPolicyProfilesAsync(long providerId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get($"api/providers/{Id(providerId)}/policy_profiles", [.. QueryBuilder.Page(new QueryBuilder().ExpandResources().Build(), 0, _connection.PageSize)]);
        return [.. Json.Resources(await _connection.SendAsync(request, cancellationToken), request.Describe).Select(r => Json.To<PolicyProfile>(r, request.Describe))];
    }

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

    private async Task DeleteAsync(string collection, long id, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post($"api/{collection}/{Id(id)}", new JObject { ["action"] = "delete" });
        var result = Json.To<ActionResult>(await _connection.SendAsync(request, cancellationToken), request.Describe);
        if (!result.Success)
        {
            throw new Errors.ManageIqApiException(System.Net.HttpStatusCode.OK, null, result.Message ?? "delete refused", null, request.Describe);
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Get(path);
        return Json.To<T>(await _connection.SendAsync(request, cancellationToken), request.Describe);
    }

    private static JObject ToJson(PolicyProfileInput profile)
    {
        var resource = new JObject { ["name"] = profile.Name, ["description"] = profile.Description, ["mode"] = profile.Mode };
        if (profile.Notes is not null)
        {
            resource["set_data"] = new JObject { ["notes"] = profile.Notes };
        }

        return resource;
    }

    private static JObject ToJson(ConditionInput condition)
    {
        var resource = new JObject
        {
            ["name"] = condition.Name,
            ["description"] = condition.Description,
            ["towhat"] = condition.Towhat,
            ["expression"] = condition.Expression.DeepClone(),
        };
        if (condition.Guid is not null)
        {
            resource["guid"] = condition.Guid;
        }

        if (condition.Notes is not null)
        {
            resource["notes"] = condition.Notes;
        }

        return resource;
    }

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

using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Control: event definitions, actions, conditions, policies, policy profiles and their assignment. Failures are <see cref="Errors.ManageIqException"/>s, as for <see cref="IManageIqClient"/>.</summary>
public interface IManageIqControlClient
{
    Task<EventDefinition?> FindEventDefinitionAsync(string name, CancellationToken cancellationToken = default);

    Task<PolicyAction?> FindActionAsync(string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Condition> GetConditionsAsync(CancellationToken cancellationToken = default);

    Task<Condition?> FindConditionAsync(string name, CancellationToken cancellationToken = default);

    Task<Condition> CreateConditionAsync(ConditionInput condition, CancellationToken cancellationToken = default);

    Task<Condition> EditConditionAsync(long conditionId, ConditionInput condition, CancellationToken cancellationToken = default);

    Task<Policy?> FindPolicyAsync(string name, CancellationToken cancellationToken = default);

    Task<Policy> CreatePolicyAsync(PolicyInput policy, CancellationToken cancellationToken = default);

    Task<Policy> EditPolicyAsync(long policyId, PolicyInput policy, CancellationToken cancellationToken = default);

    Task<PolicyProfile?> FindPolicyProfileAsync(string name, CancellationToken cancellationToken = default);

    Task<PolicyProfile> CreatePolicyProfileAsync(PolicyProfileInput profile, CancellationToken cancellationToken = default);

    /// <summary>The policies in a profile.</summary>
    Task<IReadOnlyList<Policy>> GetProfilePoliciesAsync(long profileId, CancellationToken cancellationToken = default);

    /// <summary>Adds policies to a profile; throws when ManageIQ refuses any.</summary>
    Task<IReadOnlyList<ActionResult>> AssignPoliciesAsync(long profileId, IReadOnlyCollection<long> policyIds, CancellationToken cancellationToken = default);

    /// <summary>The profiles assigned to a provider.</summary>
    Task<IReadOnlyList<PolicyProfile>> GetProviderPolicyProfilesAsync(long providerId, CancellationToken cancellationToken = default);

    Task<ActionResult> AssignPolicyProfileAsync(long providerId, long profileId, CancellationToken cancellationToken = default);

    Task<ActionResult> UnassignPolicyProfileAsync(long providerId, long profileId, CancellationToken cancellationToken = default);

    /// <summary>The action with this exact description (ManageIQ's importer matches actions by description), or null.</summary>
    Task<PolicyAction?> FindActionByDescriptionAsync(string description, CancellationToken cancellationToken = default);

    Task<PolicyAction> GetActionAsync(long actionId, CancellationToken cancellationToken = default);

    Task<PolicyAction> CreateActionAsync(PolicyActionInput action, CancellationToken cancellationToken = default);

    Task<EventDefinition> GetEventDefinitionAsync(long eventId, CancellationToken cancellationToken = default);

    Task<Condition?> FindConditionByGuidAsync(string objectGuid, CancellationToken cancellationToken = default);

    Task DeleteConditionAsync(long conditionId, CancellationToken cancellationToken = default);

    Task<Policy?> FindPolicyByGuidAsync(string objectGuid, CancellationToken cancellationToken = default);

    /// <summary>The conditions of a policy.</summary>
    Task<IReadOnlyList<Condition>> GetPolicyConditionsAsync(long policyId, CancellationToken cancellationToken = default);

    /// <summary>A policy's event/action rows (<c>attributes=miq_policy_contents</c>), as ManageIQ's export reads them.</summary>
    Task<IReadOnlyList<PolicyContentRow>> GetPolicyContentsAsync(long policyId, CancellationToken cancellationToken = default);

    Task DeletePolicyAsync(long policyId, CancellationToken cancellationToken = default);

    Task<PolicyProfile?> FindPolicyProfileByGuidAsync(string objectGuid, CancellationToken cancellationToken = default);

    /// <summary>Edits name, description, mode and (when <see cref="PolicyProfileInput.Notes"/> is set) <c>set_data</c>; 403 on a read-only profile.</summary>
    Task<PolicyProfile> EditPolicyProfileAsync(long profileId, PolicyProfileInput profile, CancellationToken cancellationToken = default);

    Task DeletePolicyProfileAsync(long profileId, CancellationToken cancellationToken = default);

    /// <summary>Removes policies from a profile; throws when ManageIQ refuses any.</summary>
    Task<IReadOnlyList<ActionResult>> UnassignPoliciesAsync(long profileId, IReadOnlyCollection<long> policyIds, CancellationToken cancellationToken = default);

    /// <summary>Every policy, in id order.</summary>
    IAsyncEnumerable<Policy> GetPoliciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every policy profile, in id order.</summary>
    IAsyncEnumerable<PolicyProfile> GetPolicyProfilesAsync(CancellationToken cancellationToken = default);

    /// <summary>The condition with this exact description (unique in ManageIQ, like the name), or null.</summary>
    Task<Condition?> FindConditionByDescriptionAsync(string description, CancellationToken cancellationToken = default);

    /// <summary>The policy with this exact description (unique in ManageIQ, like the name), or null.</summary>
    Task<Policy?> FindPolicyByDescriptionAsync(string description, CancellationToken cancellationToken = default);

    /// <summary>The profile with this exact description (unique in ManageIQ), or null.</summary>
    Task<PolicyProfile?> FindPolicyProfileByDescriptionAsync(string description, CancellationToken cancellationToken = default);
}

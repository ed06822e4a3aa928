using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>
/// The part of ManageIQ's REST API the bridge uses. Every call is async and cancellable; failures are
/// <see cref="Errors.ManageIqException"/>s: <see cref="Errors.ManageIqApiException"/> (ManageIQ said no),
/// <see cref="Errors.ManageIqResponseException"/> (an answer that is not ManageIQ's) or
/// <see cref="Errors.ManageIqTransportException"/> (no answer).
/// </summary>
public interface IManageIqClient
{
    /// <summary>OpenShift and Kubernetes container providers, the ones that can scan images.</summary>
    IAsyncEnumerable<ContainerProvider> GetContainerProvidersAsync(CancellationToken cancellationToken = default);

    /// <summary>Container images, paged (at most 1000 per request) as they are enumerated.</summary>
    IAsyncEnumerable<ContainerImage> GetContainerImagesAsync(ContainerImageQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The custom attributes of every image the query lists (<c>attributes=custom_attributes</c>), paged as
    /// <see cref="GetContainerImagesAsync"/>: how a lost state store recovers the last results from ManageIQ.
    /// </summary>
    IAsyncEnumerable<ImageCustomAttributes> GetContainerImageAttributesAsync(ContainerImageQuery? query = null, CancellationToken cancellationToken = default);

    Task<ContainerImage> GetContainerImageAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>The image and every custom attribute of it, in one request: what publishing a result starts from.</summary>
    Task<ContainerImageWithAttributes> GetContainerImageWithAttributesAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>Every custom attribute of the image, in all sections, in one request.</summary>
    Task<IReadOnlyList<CustomAttribute>> GetCustomAttributesAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or updates (ManageIQ's upsert by name) all the attributes in one POST. Being an upsert, it is retried
    /// like a read after a 502/503/504, a time-out or a dropped connection.
    /// </summary>
    Task<IReadOnlyList<CustomAttribute>> AddCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeInput> attributes, CancellationToken cancellationToken = default);

    /// <summary>Edits the attribute with this name; null when the image has none of that name.</summary>
    Task<CustomAttribute?> EditCustomAttributeAsync(long imageId, CustomAttributeInput attribute, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes attributes by name or href in one POST; returns how many ManageIQ deleted. A delete naming
    /// attributes only by name is retried like a read; one naming an href is not.
    /// </summary>
    Task<int> DeleteCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeReference> attributes, CancellationToken cancellationToken = default);

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

    /// <summary>ManageIQ's own SmartState scan of the image. Its task id is the raised event's, not a job's.</summary>
    Task<ActionResult> ScanContainerImageAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>Queues a compliance check; ManageIQ refuses (400) when no compliance policy applies.</summary>
    Task<ActionResult> CheckComplianceAsync(long imageId, CancellationToken cancellationToken = default);
}

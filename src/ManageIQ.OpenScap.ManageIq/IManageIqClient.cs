namespace ManageIQ.OpenScap.ManageIq;

/// <summary>
/// The part of ManageIQ's REST API the bridge uses. Every call is async and cancellable; failures are
/// <see cref="Errors.ManageIqException"/>s: <see cref="Errors.ManageIqApiException"/> (ManageIQ said no),
/// <see cref="Errors.ManageIqResponseException"/> (an answer that is not ManageIQ's) or
/// <see cref="Errors.ManageIqTransportException"/> (no answer).
/// The API is split by concern; consumers may depend on the one part they use, all resolve to the same client.
/// </summary>
public interface IManageIqClient : IManageIqInventoryClient, IManageIqCustomAttributesClient, IManageIqControlClient, IManageIqImageActionsClient, IManageIqReportsClient
{
}

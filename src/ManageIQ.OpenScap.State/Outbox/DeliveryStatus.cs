namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>How delivering one image's waiting result ended.</summary>
public enum DeliveryStatus
{
    /// <summary>ManageIQ answered 200 to every request; the result left the outbox.</summary>
    Delivered,

    /// <summary>The image had no result waiting.</summary>
    NothingWaiting,

    /// <summary>No usable answer (5xx, time-out, dropped connection) after the client's retries; kept for a later pass.</summary>
    Unreachable,

    /// <summary>ManageIQ refused a request (400, 401, 403, ...); kept for a later pass once the cause is fixed.</summary>
    Rejected,

    /// <summary>ManageIQ has no such image (404); the result left the outbox unposted and stays in the history.</summary>
    Abandoned,
}

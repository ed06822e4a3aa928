namespace ManageIQ.OpenScap.State.Configuration;

/// <summary>
/// Where the bridge keeps its durable state and how long history is kept (configuration section <c>Bridge</c>:
/// <c>Bridge:StateDirectory</c>, <c>Bridge:History:*</c>, <c>Bridge:Outbox:*</c>).
/// </summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "Bridge";

    /// <summary>
    /// The directory of the state database (<c>state.db</c> and its WAL files). Created with mode 0700 when
    /// missing; it belongs on a persistent volume, used by one bridge at a time.
    /// </summary>
    public string? StateDirectory { get; set; }

    public HistoryRetentionOptions History { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();
}

namespace ManageIQ.OpenScap.State.Results;

/// <summary>What recording a result did.</summary>
public enum RecordDisposition
{
    /// <summary>It is the image's latest result and waits in the outbox (replacing any older waiting one).</summary>
    Queued,

    /// <summary>The image has a result scanned later: this one went into the history only.</summary>
    Older,

    /// <summary>This scan id was recorded before; nothing changed.</summary>
    AlreadyRecorded,
}

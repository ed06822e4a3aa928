namespace ManageIQ.OpenScap.State.Results;

/// <summary>The result's sequence number and what recording it did; <see cref="SupersededSeq"/> is the waiting result it replaced.</summary>
public sealed record RecordOutcome(long Seq, RecordDisposition Disposition, long? SupersededSeq = null);

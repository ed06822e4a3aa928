namespace ManageIQ.OpenScap.State.Queue;

/// <summary>
/// Where a queued scan is. Pulling, evaluating and publishing are "in flight" and count against the limits;
/// done and failed are final. Stored as the lower-case name.
/// </summary>
public enum ScanState
{
    Queued,
    Pulling,
    Evaluating,
    Publishing,
    Done,
    Failed,
}

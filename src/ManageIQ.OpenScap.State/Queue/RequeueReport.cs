namespace ManageIQ.OpenScap.State.Queue;

/// <summary>In-flight scans found at start: queued again, or failed because the image was already queued again.</summary>
public sealed record RequeueReport(int Requeued, int Dropped);

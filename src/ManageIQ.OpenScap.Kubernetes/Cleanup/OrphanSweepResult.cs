namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>What one sweep did.</summary>
/// <param name="Examined">Labelled pods listed on all clusters.</param>
/// <param name="Deleted">Pods deleted (orphans, past their deadline, or retried deletes).</param>
/// <param name="Kept">Pods of scans this process is running.</param>
/// <param name="Failed">Deletes or listings that failed (retried next sweep).</param>
public sealed record OrphanSweepResult(int Examined, int Deleted, int Kept, int Failed);

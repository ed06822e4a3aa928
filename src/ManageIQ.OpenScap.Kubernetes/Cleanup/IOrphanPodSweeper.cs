namespace ManageIQ.OpenScap.Kubernetes.Cleanup;

/// <summary>Deletes scanning pods nobody is waiting for, and retries deletes that failed.</summary>
public interface IOrphanPodSweeper
{
    Task<OrphanSweepResult> SweepAsync(CancellationToken cancellationToken);
}

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Where a scan is, whichever backend runs it.</summary>
public enum ScanStage
{
    Queued,

    /// <summary>The backend is starting its scanner (the scanning pod is being created and scheduled).</summary>
    Starting,
    Resolving,
    Pulling,
    Unpacking,
    PreparingContent,
    Scanning,
    Reporting,

    /// <summary>The backend is fetching the results from its scanner (the pod's artifacts).</summary>
    Collecting,
    Finished,
}

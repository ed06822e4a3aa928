namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Scans one image somewhere: in this process (<c>local</c>) or in a scanning pod (<c>kubernetes</c>).</summary>
public interface IScanBackend
{
    /// <summary>The backend's name (<see cref="ScanBackendNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// What, beside the bridge's own configuration, decides the content of this backend's scans, as the
    /// <c>inspector</c> field of their fingerprint: the kubernetes backend's inspector image; null for <c>local</c>,
    /// whose content is this process's own.
    /// </summary>
    string? ContentSource => null;

    /// <summary>
    /// Runs the scan. Every failure is a report (<see cref="ScanOutcome.Failed"/>); a report whose image does not match
    /// <see cref="ScanJob.ExpectedIdentity"/> fails with <see cref="ScanErrorKind.ImageMismatch"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<ScanReport> ScanAsync(ScanJob job, IProgress<ScanProgress>? progress, CancellationToken cancellationToken);
}

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>How a scan ended: <see cref="ScanReport.ErrorKind"/> says why a failed one failed.</summary>
public enum ScanOutcome
{
    /// <summary>oscap evaluated the image; the ARF is written.</summary>
    Completed,

    /// <summary>No result for this image.</summary>
    Failed,
}

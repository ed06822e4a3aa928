namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The process exit statuses of every verb and of the inspector (docs/exit-codes.md is this table).</summary>
public static class ExitCodes
{
    /// <summary>Success; a scan completed and no rule failed.</summary>
    public const int Passed = 0;

    /// <summary>Bad arguments, configuration or input.</summary>
    public const int InvalidArguments = 1;

    /// <summary>The scan completed and at least one rule failed (or was error/unknown), as oscap's own 2.</summary>
    public const int Findings = 2;

    /// <summary>The image could not be pulled or unpacked.</summary>
    public const int ImageAcquireError = 3;

    /// <summary>No SCAP content for the image's distribution.</summary>
    public const int NoContent = 4;

    /// <summary>OpenSCAP failed (error status, broken probe, time limit, required CVE feed missing, results not written).</summary>
    public const int OpenScapError = 5;

    /// <summary>The image scanned is not the one asked for (a moved tag, a wrong digest).</summary>
    public const int ImageMismatch = 6;

    /// <summary>The backend failed: the cluster unreachable, the scanning pod failed, the time limit passed, the scanner's answer broken.</summary>
    public const int BackendError = 7;

    /// <summary><c>bridge analyze</c>: the scan failed, and <c>openscap_status=error</c> with the reason was posted.</summary>
    public const int ScanFailedPosted = 8;

    /// <summary><c>bridge analyze</c>: ManageIQ did not answer; a result recorded waits in the outbox for the next run.</summary>
    public const int ManageIqUnreachable = 9;

    /// <summary><c>bridge analyze</c>: ManageIQ refused the result's requests, which wait in the outbox until the cause is fixed; <c>bridge serve</c>: the start-up probe refused this ManageIQ (its version or the user's product features); <c>bridge policies</c>: ManageIQ refused a request.</summary>
    public const int ManageIqRefused = 10;

    /// <summary><c>bridge policies</c>: an object the bridge does not own holds a guid or name of its profiles; it was left as it is.</summary>
    public const int PolicyConflict = 11;

    /// <summary><c>bridge serve</c>: the single-active guard was lost; the work stopped so another replica may take over, and a restart waits for the guard again.</summary>
    public const int LeaseLost = 12;

    /// <summary>Interrupted.</summary>
    public const int Cancelled = 130;

    public static int For(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Outcome == ScanOutcome.Completed)
        {
            return report.HasFindings ? Findings : Passed;
        }

        return report.ErrorKind switch
        {
            ScanErrorKind.InvalidRequest => InvalidArguments,
            ScanErrorKind.ImageAcquireFailed => ImageAcquireError,
            ScanErrorKind.NoContent => NoContent,
            ScanErrorKind.ImageMismatch => ImageMismatch,
            ScanErrorKind.ScannerFailed or ScanErrorKind.BackendUnavailable or ScanErrorKind.TimedOut or ScanErrorKind.ScannerError => BackendError,
            _ => OpenScapError,
        };
    }
}

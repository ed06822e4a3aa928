namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The process exit statuses of a scan, shared by the inspector's one-shot mode and the bridge's <c>scan</c> verb.</summary>
public static class ScanExitCodes
{
    /// <summary>The scan completed and no rule failed.</summary>
    public const int Passed = 0;

    /// <summary>Bad arguments or configuration.</summary>
    public const int InvalidArguments = 1;

    /// <summary>The scan completed and at least one rule failed (or was error/unknown), as oscap's own 2.</summary>
    public const int Findings = 2;

    /// <summary>The image could not be pulled or unpacked.</summary>
    public const int ImageAcquireError = 3;

    /// <summary>No SCAP content for the image's distribution.</summary>
    public const int NoContent = 4;

    /// <summary>OpenSCAP failed (error status, broken probe, time limit, required CVE feed missing).</summary>
    public const int OpenScapError = 5;

    /// <summary>Interrupted.</summary>
    public const int Cancelled = 130;

    public static int ForResult(ImageScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ScanOutcome.Completed => result.OscapExitCode == 2 ? Findings : Passed,
            ScanOutcome.ImageAcquireFailed => ImageAcquireError,
            ScanOutcome.NoContent => NoContent,
            _ => OpenScapError,
        };
    }
}

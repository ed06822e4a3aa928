using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The one-shot mode's exit statuses (the same as the bridge's <c>scan</c> verb).</summary>
public static class InspectorExitCodes
{
    /// <summary>The scan completed and no rule failed.</summary>
    public const int Passed = ScanExitCodes.Passed;

    /// <summary>Bad arguments or configuration.</summary>
    public const int InvalidArguments = ScanExitCodes.InvalidArguments;

    /// <summary>The scan completed and at least one rule failed (or was error/unknown), as oscap's own 2.</summary>
    public const int Findings = ScanExitCodes.Findings;

    /// <summary>The image could not be pulled or unpacked.</summary>
    public const int ImageAcquireError = ScanExitCodes.ImageAcquireError;

    /// <summary>No SCAP content for the image's distribution.</summary>
    public const int NoContent = ScanExitCodes.NoContent;

    /// <summary>OpenSCAP failed (error status, broken probe, time limit, required CVE feed missing).</summary>
    public const int OpenScapError = ScanExitCodes.OpenScapError;

    /// <summary>Interrupted.</summary>
    public const int Cancelled = ScanExitCodes.Cancelled;
}

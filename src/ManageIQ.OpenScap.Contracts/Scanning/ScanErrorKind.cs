namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Why a scan failed. Each kind has one exit code (<see cref="ExitCodes.For"/>).</summary>
public enum ScanErrorKind
{
    /// <summary>The scan completed.</summary>
    None,

    /// <summary>The request itself is wrong (a malformed reference, a missing setting).</summary>
    InvalidRequest,

    /// <summary>The image could not be pulled or unpacked (image-inspector's ImageAcquireError).</summary>
    ImageAcquireFailed,

    /// <summary>
    /// The image scanned is not the one ManageIQ lists (a tag that moved, a wrong digest): the result is not that image's.
    /// </summary>
    ImageMismatch,

    /// <summary>No SCAP content is configured or installed for the image's distribution.</summary>
    NoContent,

    /// <summary>oscap failed or timed out, a required CVE feed could not be had, or the results could not be written.</summary>
    OpenScapFailed,

    /// <summary>The scanner (the scanning pod) could not run: its image, a crash, memory, eviction, scheduling.</summary>
    ScannerFailed,

    /// <summary>The backend could not be reached or refused the scan (the Kubernetes API, an unknown provider).</summary>
    BackendUnavailable,

    /// <summary>The scan passed its time limit.</summary>
    TimedOut,

    /// <summary>The scanner answered with an error or garbage.</summary>
    ScannerError,
}

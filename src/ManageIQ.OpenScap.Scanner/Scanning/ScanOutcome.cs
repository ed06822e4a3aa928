namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>How a scan ended.</summary>
public enum ScanOutcome
{
    /// <summary>oscap completed; the ARF is written.</summary>
    Completed,

    /// <summary>The image could not be pulled or unpacked (image-inspector's ImageAcquireError).</summary>
    ImageAcquireFailed,

    /// <summary>No SCAP content is configured or installed for the image's distribution.</summary>
    NoContent,

    /// <summary>oscap failed, timed out, or a required CVE feed could not be had.</summary>
    ScanFailed,
}

namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>
/// A provider's own SCAP content (<c>Bridge:ProviderOverrides:&lt;id&gt;:Profile</c> and <c>:TailoringFile</c>): the
/// profile its images are evaluated with, which may be one the XCCDF tailoring file defines.
/// </summary>
public sealed class ProviderScanContent
{
    /// <summary>The profile instead of the distribution's mapped one (full id, or the suffix oscap accepts).</summary>
    public string? Profile { get; set; }

    /// <summary>An XCCDF 1.2 tailoring file, absolute; merged with the CVE feed's tailoring into the one file oscap takes.</summary>
    public string? TailoringFile { get; set; }
}

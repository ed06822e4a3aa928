using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>Bounds of the compact report. The defaults are the ManageIQ contract; tests and callers may tighten them.</summary>
public sealed class CompactReportOptions
{
    /// <summary>ManageIQ's cap on <c>openscap_report_html</c>: 32 KB of base64.</summary>
    public const int ManageIqEncodedLimit = 32 * 1024;

    /// <summary>The smallest limit accepted: the summary alone, at its worst, fits in it.</summary>
    public const int MinimumEncodedLength = 16 * 1024;

    /// <summary>Most characters of the encoded report. Default 32 768.</summary>
    [Range(MinimumEncodedLength, int.MaxValue)]
    public int MaxEncodedLength { get; set; } = ManageIqEncodedLimit;

    /// <summary>Most characters shown of one rationale or fix text. Default 1 500.</summary>
    [Range(80, 1_000_000)]
    public int MaxProseLength { get; set; } = 1500;

    /// <summary>Most characters shown of one title, rule id or check name. Default 300.</summary>
    [Range(40, 100_000)]
    public int MaxTitleLength { get; set; } = 300;

    /// <summary>Most CVE ids shown for one failed result; the rest are counted. Default 12.</summary>
    [Range(1, 100_000)]
    public int MaxCvesPerResult { get; set; } = 12;
}

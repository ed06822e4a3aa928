using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>Bounds on what one image's attributes carry (section <c>Bridge:Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Bridge:Publishing";

    /// <summary>The longest list value (<c>openscap_cves</c>, <c>openscap_failed_rules</c>, <c>openscap_notes</c>), in characters.</summary>
    [Range(64, 65_536)]
    public int MaxListLength { get; set; } = 4_000;

    /// <summary>The longest <c>openscap_error</c>, in characters.</summary>
    [Range(64, 65_536)]
    public int MaxErrorLength { get; set; } = 2_000;

    /// <summary>A CVE feed older than this is called stale in <c>openscap_notes</c>: CVEs fixed since then are not found.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan FeedStaleAfter { get; set; } = TimeSpan.FromDays(7);
}

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
}

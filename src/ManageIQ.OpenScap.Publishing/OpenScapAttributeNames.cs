namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// The names of the custom attributes the bridge posts on a container image: the one list that publishing,
/// <c>policies/</c> and the tests share. Every name is lower case and starts with <see cref="Prefix"/>.
/// </summary>
public static class OpenScapAttributeNames
{
    public const string Prefix = "openscap_";

    public const string Status = "openscap_status";
    public const string ScannedOn = "openscap_scanned_on";
    public const string Digest = "openscap_digest";
    public const string ManifestDigest = "openscap_manifest_digest";
    public const string Distribution = "openscap_distribution";
    public const string Content = "openscap_content";
    public const string FeedUpdatedOn = "openscap_feed_updated_on";
    public const string Passed = "openscap_passed";
    public const string Failed = "openscap_failed";
    public const string FailedHigh = "openscap_failed_high";
    public const string FailedMedium = "openscap_failed_medium";
    public const string FailedLow = "openscap_failed_low";
    public const string FailedInfo = "openscap_failed_info";
    public const string FailedUnknown = "openscap_failed_unknown";
    public const string CvesVulnerable = "openscap_cves_vulnerable";
    public const string CveHighestSeverity = "openscap_cve_highest_severity";
    public const string Cves = "openscap_cves";
    public const string FailedRules = "openscap_failed_rules";
    public const string ComplianceReasons = "openscap_compliance_reasons";
    public const string Waived = "openscap_waived";
    public const string Error = "openscap_error";
    public const string Notes = "openscap_notes";
    public const string ScanId = "openscap_scan_id";
    public const string ReportUrl = "openscap_report_url";
    public const string ReportHtml = "openscap_report_html";

    /// <summary>Every name above, in the order they are posted.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Status, ScannedOn, Digest, ManifestDigest, Distribution, Content, FeedUpdatedOn,
        Passed, Failed, FailedHigh, FailedMedium, FailedLow, FailedInfo, FailedUnknown,
        CvesVulnerable, CveHighestSeverity, Cves, FailedRules, ComplianceReasons, Waived, Error, Notes, ScanId, ReportUrl, ReportHtml,
    ];

    /// <summary>ManageIQ parses these into <c>serialized_value</c>, so they are posted with <c>field_type</c> DateTime.</summary>
    public static bool IsTimestamp(string name) => name is ScannedOn or FeedUpdatedOn;

    /// <summary>True for a name the bridge owns: it may replace or delete it. Everything else is never touched.</summary>
    public static bool IsOwned(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}

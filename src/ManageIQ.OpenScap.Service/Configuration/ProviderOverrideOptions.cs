namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>
/// <c>Bridge:ProviderOverrides:&lt;id&gt;</c>: what differs for one provider; unset keys keep the defaults. The same
/// section's <c>Compliance</c> (thresholds), <c>Profile</c> and <c>TailoringFile</c> are bound and validated where
/// they are used: ComplianceThresholds (Compliance project) and ProviderScanContent (Analysis).
/// </summary>
public sealed class ProviderOverrideOptions
{
    /// <summary>The backend its scans run on (<c>local</c> or <c>kubernetes</c>) instead of <c>Bridge:Backend</c>.</summary>
    public string? Backend { get; set; }

    /// <summary>Its full scan's cron instead of <c>Bridge:FullScan:Cron</c>.</summary>
    public string? Cron { get; set; }

    /// <summary>Its scans in flight instead of <c>Bridge:Limits:PerProvider</c>; 0 pauses the provider.</summary>
    public int? Limit { get; set; }

    /// <summary>
    /// How its scanning pods may scan RPM images: <c>refuse</c> (default), <c>user-namespace</c> or <c>root-baseline</c>
    /// (docs/kubernetes.md). Read and checked at start by the kubernetes backend.
    /// </summary>
    public string? RpmScanMode { get; set; }
}

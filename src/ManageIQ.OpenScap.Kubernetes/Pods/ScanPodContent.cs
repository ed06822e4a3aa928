namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>What one scan asks of the inspector's content beyond <c>Kubernetes:Pod</c>.</summary>
/// <param name="CveUrl">The feed for this scan; wins over <c>Kubernetes:Pod:CveUrl</c>.</param>
/// <param name="DataStream">A data stream to use whatever the distribution.</param>
/// <param name="Profile">A profile instead of the mapped one.</param>
/// <param name="HtmlReport">Render and serve the HTML report.</param>
public sealed record ScanPodContent(string? CveUrl = null, string? DataStream = null, string? Profile = null, bool HtmlReport = true)
{
    public static ScanPodContent Default { get; } = new();

    /// <summary>Proxies for this scan (the provider's); each one set wins over its <c>Kubernetes:Pod</c> key.</summary>
    public Contracts.Scanning.ScanProxy? Proxy { get; init; }

    /// <summary>
    /// The provider's XCCDF tailoring file, its bytes: the pod cannot read the bridge's disk, so they travel in the
    /// pod's secret and are mounted as <see cref="ScanPodSecret.TailoringFilePath"/>. At most <see cref="ScanPodSecret.MaxTailoringBytes"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? Tailoring { get; init; }
}

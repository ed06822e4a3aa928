using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>
/// How the bridge analyses an image (section <c>Bridge</c>): which backend scans, where the full results stay,
/// and the address people reach the bridge at.
/// </summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Bridge";

    /// <summary>The backend scans run on unless a verb says otherwise: <c>local</c> or <c>kubernetes</c>.</summary>
    public string Backend { get; set; } = ScanBackendNames.Local;

    /// <summary>
    /// Where each scan's ARF, oscap HTML and compact report stay, as <c>IMAGE-ID/SCAN-ID/</c>; absolute. Default:
    /// <c>results</c> under <c>Bridge:StateDirectory</c>.
    /// </summary>
    public string? ResultsDirectory { get; set; }

    /// <summary>
    /// The bridge's address as people reach it (e.g. <c>https://openscap-bridge.apps.example.com/</c>). When set,
    /// each image gets <c>openscap_report_url</c>: this plus <see cref="Publishing.ReportLinks"/>' path.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    public ResultsRetentionOptions Results { get; set; } = new();

    /// <summary>The results directory in use: <see cref="ResultsDirectory"/>, else <c>results</c> under <paramref name="stateDirectory"/>.</summary>
    public string ResolveResultsDirectory(string stateDirectory) =>
        ResultsDirectory ?? Path.Combine(stateDirectory, "results");
}

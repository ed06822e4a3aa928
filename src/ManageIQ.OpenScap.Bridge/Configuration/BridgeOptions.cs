using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Bridge.Configuration;

/// <summary>The <c>Bridge</c> configuration section.</summary>
public sealed class BridgeOptions
{
    public const string SectionName = "Bridge";

    /// <summary>The backend scans run on unless a verb says otherwise: <c>local</c> or <c>kubernetes</c>.</summary>
    public string Backend { get; set; } = ScanBackendNames.Local;
}

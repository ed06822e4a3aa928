using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Results to record, with a realistic set of attributes.</summary>
public static class Results
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A result of <paramref name="imageId"/> scanned at <paramref name="scannedOn"/>, holding exactly <paramref name="attributes"/> plus status and scanned_on.</summary>
    public static ScanResultRecord Of(long imageId, string scanId, DateTimeOffset scannedOn, string status = "compliant", params (string Name, string Value)[] attributes) => new()
    {
        ImageId = imageId,
        Digest = "sha256:" + new string('a', 64),
        ScanId = scanId,
        ScannedOn = scannedOn,
        Status = status,
        ContentFingerprint = "ssg-debian12-ds.xml@0.1.76/standard+feed:2026-03-01",
        Attributes =
        [
            new CustomAttributeInput("openscap_status", status),
            CustomAttributeInput.Timestamp("openscap_scanned_on", scannedOn),
            new CustomAttributeInput("openscap_scan_id", scanId),
            .. attributes.Select(a => new CustomAttributeInput(a.Name, a.Value)),
        ],
        Artifacts = new Dictionary<string, string> { ["arf"] = $"/var/lib/bridge/results/{scanId}/results-arf.xml" },
    };
}

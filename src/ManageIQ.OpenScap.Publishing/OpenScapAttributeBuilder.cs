using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// Turns one scan into the <c>openscap_</c> custom attributes of its image, in section <c>metadata</c>. Numbers are
/// plain integers and timestamps ISO 8601 UTC, because ManageIQ's conditions compare values as strings. An
/// attribute the scan has no value for is left out, so publishing deletes the image's stale one.
/// </summary>
public sealed class OpenScapAttributeBuilder(PublishingOptions options)
{
    public const string NotesSeparator = "\n";
    public const string NoCves = "none";

    public IReadOnlyList<CustomAttributeInput> Build(PublishedScan scan, OpenScapStatus status)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var list = new List<CustomAttributeInput>(OpenScapAttributeNames.All.Count);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                list.Add(new CustomAttributeInput(name, value));
            }
        }

        Add(OpenScapAttributeNames.Status, status.ToWire());
        list.Add(CustomAttributeInput.Timestamp(OpenScapAttributeNames.ScannedOn, scan.ScannedOn));
        Add(OpenScapAttributeNames.Digest, scan.Digest);
        if (scan.ManifestDigest is { } manifest && !string.Equals(manifest, scan.Digest, StringComparison.Ordinal))
        {
            Add(OpenScapAttributeNames.ManifestDigest, manifest);
        }

        Add(OpenScapAttributeNames.Distribution, scan.Distribution);
        Add(OpenScapAttributeNames.Content, scan.Content);
        if (scan.FeedUpdatedOn is { } feed)
        {
            list.Add(CustomAttributeInput.Timestamp(OpenScapAttributeNames.FeedUpdatedOn, feed));
        }

        if (scan.Summary is { } summary)
        {
            AddCounts(summary, Add);
        }

        Add(OpenScapAttributeNames.ComplianceReasons, scan.ComplianceReasons.Count == 0 ? null : CappedList.Join(scan.ComplianceReasons, options.MaxListLength, NotesSeparator));
        Add(OpenScapAttributeNames.Waived, scan.Waived.Count == 0 ? null : CappedList.Join(scan.Waived, options.MaxListLength, NotesSeparator));
        Add(OpenScapAttributeNames.Error, scan.Error is null ? null : Cut(scan.Error, options.MaxErrorLength));
        Add(OpenScapAttributeNames.Notes, scan.Notes.Count == 0 ? null : CappedList.Join(scan.Notes, options.MaxListLength, NotesSeparator));
        Add(OpenScapAttributeNames.ScanId, scan.ScanId);
        Add(OpenScapAttributeNames.ReportUrl, scan.ReportUrl);
        Add(OpenScapAttributeNames.ReportHtml, scan.ReportHtml);
        return list;
    }

    private void AddCounts(ScapSummary summary, Action<string, string?> add)
    {
        var failed = summary.FailedBySeverity;
        add(OpenScapAttributeNames.Passed, Integer(summary.Results.GetValueOrDefault("pass")));
        add(OpenScapAttributeNames.Failed, Integer(failed.Total));
        add(OpenScapAttributeNames.FailedHigh, Integer(failed.High));
        add(OpenScapAttributeNames.FailedMedium, Integer(failed.Medium));
        add(OpenScapAttributeNames.FailedLow, Integer(failed.Low));
        add(OpenScapAttributeNames.FailedInfo, Integer(failed.Info));
        add(OpenScapAttributeNames.FailedUnknown, Integer(failed.Unknown));
        add(OpenScapAttributeNames.CvesVulnerable, Integer(summary.Cves.Count));
        add(OpenScapAttributeNames.CveHighestSeverity, summary.Cves.Count == 0 ? NoCves : SeverityName(summary.Cves.Max(c => c.Severity)));
        var cves = summary.Cves.OrderByDescending(c => c.Severity).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        add(OpenScapAttributeNames.Cves, cves.Count == 0 ? null : CappedList.Join(cves, options.MaxListLength));
        var rules = summary.FailedRules.OrderByDescending(r => r.Severity).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        add(OpenScapAttributeNames.FailedRules, rules.Count == 0 ? null : CappedList.Join(rules, options.MaxListLength));
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string SeverityName(ScapSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Cut(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

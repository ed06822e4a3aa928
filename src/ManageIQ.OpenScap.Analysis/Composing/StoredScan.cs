using System.Globalization;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.Analysis.Composing;

/// <summary>
/// The scan facts of a stored result, read back from the attributes it posted, with its summary as the scanner
/// wrote it: what judging it again needs besides the waivers.
/// </summary>
public static class StoredScan
{
    public static PublishedScan Read(ScanResultRecord record, ScapSummary summary)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(summary);
        var values = record.Attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        string? Value(string name) => values.GetValueOrDefault(name);
        return new PublishedScan
        {
            ScanId = Value(OpenScapAttributeNames.ScanId) ?? record.ScanId,
            ScannedOn = record.ScannedOn,
            Digest = Value(OpenScapAttributeNames.Digest) ?? record.Digest ?? string.Empty,
            ManifestDigest = Value(OpenScapAttributeNames.ManifestDigest),
            Distribution = Value(OpenScapAttributeNames.Distribution),
            Content = Value(OpenScapAttributeNames.Content),
            FeedUpdatedOn = DateTimeOffset.TryParse(Value(OpenScapAttributeNames.FeedUpdatedOn), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var feed) ? feed : null,
            Summary = summary,
            Notes = Value(OpenScapAttributeNames.Notes) is { } notes ? notes.Split(OpenScapAttributeBuilder.NotesSeparator) : [],
            ReportUrl = Value(OpenScapAttributeNames.ReportUrl),
        };
    }
}

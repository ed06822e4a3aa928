using System.Globalization;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Composing;

/// <summary>
/// Turns one scan of one ManageIQ image into its verdict, its compact report (written beside the ARF) and the
/// complete set of <c>openscap_</c> attributes, as a record for the store.
/// </summary>
public sealed class ResultComposer
{
    private readonly PublishingOptions _publishing;
    private readonly ComplianceOptions _compliance;
    private readonly AnalysisOptions _analysis;
    private readonly OpenScapAttributeBuilder _attributes;
    private readonly TimeProvider _time;

    public ResultComposer(IOptions<PublishingOptions> publishing, IOptions<ComplianceOptions> compliance, IOptions<AnalysisOptions> analysis, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentNullException.ThrowIfNull(compliance);
        ArgumentNullException.ThrowIfNull(analysis);
        _publishing = publishing.Value;
        _compliance = compliance.Value;
        _analysis = analysis.Value;
        _attributes = new OpenScapAttributeBuilder(_publishing);
        _time = time;
    }

    public async Task<ComposedResult> ComposeAsync(ContainerImage image, ScanReport report, string scanId, DateTimeOffset scannedOn, string resultsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Outcome == ScanOutcome.Completed ? ComplianceDecision.Decide(report.Summary, _compliance) : OpenScapStatus.Error;
        var digest = ListedDigest(image) ?? report.Image?.ManifestDigest ?? string.Empty;
        var published = new PublishedScan
        {
            ScanId = scanId,
            ScannedOn = scannedOn,
            Digest = digest,
            ManifestDigest = report.Image?.ManifestDigest,
            Distribution = report.Distribution is { } d ? string.Join(' ', new[] { d.Id, d.VersionId }.Where(p => !string.IsNullOrEmpty(p))) : null,
            Content = report.Content?.ToString(),
            FeedUpdatedOn = report.Content?.CveFeedDate,
            Summary = report.Outcome == ScanOutcome.Completed ? report.Summary : null,
            Error = report.Outcome == ScanOutcome.Completed ? null : $"{report.ErrorKind}: {report.ErrorMessage}",
            Notes = Notes(report),
            ReportUrl = _analysis.PublicUrl is { } url ? ReportLinks.ImageReport(url, image.Id).AbsoluteUri : null,
        };

        string? compactPath = null;
        var omitted = 0;
        if (published.Summary is { } summary)
        {
            var rendered = CompactReport.Render(summary, new CompactReportDetails
            {
                Image = image.PullReference,
                Digest = digest.Length == 0 ? null : digest,
                Status = status.ToWire(),
                Distribution = published.Distribution,
                ScannedOn = scannedOn,
                FeedUpdatedOn = published.FeedUpdatedOn,
                Notes = published.Notes.Count == 0 ? null : string.Join(" ", published.Notes),
            });
            compactPath = Path.Combine(resultsDirectory, AnalysisArtifacts.CompactReport);
            Directory.CreateDirectory(resultsDirectory);
            await File.WriteAllTextAsync(compactPath, rendered.Html, cancellationToken).ConfigureAwait(false);
            published = published with { ReportHtml = rendered.Encoded };
            omitted = rendered.Omitted;
        }

        var record = new ScanResultRecord
        {
            ImageId = image.Id,
            Digest = digest.Length == 0 ? null : digest,
            ScanId = scanId,
            ScannedOn = scannedOn,
            Status = status.ToWire(),
            ContentFingerprint = published.Content ?? string.Empty,
            Attributes = _attributes.Build(published, status),
            Artifacts = Artifacts(report.Artifacts, compactPath),
        };
        return new ComposedResult(published, status, record) { CompactReportPath = compactPath, ReportOmitted = omitted };
    }

    /// <summary>
    /// The digest ManageIQ lists: its <c>digest</c>, else the one in a <c>docker-pullable://</c> <c>image_ref</c>, else
    /// the image id of a <c>docker://</c> one; what the service compares to skip an unchanged image.
    /// </summary>
    public static string? ListedDigest(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!string.IsNullOrEmpty(image.Digest))
        {
            return image.Digest;
        }

        var id = ContainerImageReference.DockerId(image.ImageRef);
        return id is null ? null : ImageIdentity.DigestOf(id);
    }

    private List<string> Notes(ScanReport report)
    {
        var notes = new List<string>();
        if (report.Outcome == ScanOutcome.Completed)
        {
            if (report.Content?.CveFeed is null)
            {
                notes.Add("No CVE feed was evaluated: the result holds no CVE findings.");
            }
            else if (report.Content.CveFeedDate is { } date && _time.GetUtcNow() - date > _publishing.FeedStaleAfter)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"The CVE feed is stale: dated {date.UtcDateTime:yyyy-MM-dd}, more than {_publishing.FeedStaleAfter.TotalDays:0.#} days old, so CVEs fixed since then are not found."));
            }
        }

        notes.AddRange(report.Notes);
        return notes;
    }

    private static Dictionary<string, string> Artifacts(ScanArtifactPaths paths, string? compact)
    {
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string kind, string? path)
        {
            if (path is not null)
            {
                artifacts[kind] = path;
            }
        }

        Add(AnalysisArtifacts.ArfKind, paths.Arf);
        Add(AnalysisArtifacts.HtmlKind, paths.Html);
        Add(AnalysisArtifacts.SummaryKind, paths.Summary);
        Add(AnalysisArtifacts.CveOvalResultsKind, paths.CveOvalResults);
        Add(AnalysisArtifacts.CompactReportKind, compact);
        return artifacts;
    }
}

using System.Globalization;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Compliance.Evaluation;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Composing;

/// <summary>
/// Turns one scan of one ManageIQ image into its verdict (the <see cref="ComplianceEvaluator"/> with the waivers in
/// force), its compact report (written beside the ARF) and the complete set of <c>openscap_</c> attributes, as a
/// record for the store; and judges a stored result again when the waivers change.
/// </summary>
public sealed class ResultComposer
{
    private readonly PublishingOptions _publishing;
    private readonly AnalysisOptions _analysis;
    private readonly ComplianceEvaluator _evaluator;
    private readonly IWaiverCatalog _waivers;
    private readonly OpenScapAttributeBuilder _attributes;
    private readonly TimeProvider _time;

    public ResultComposer(IOptions<PublishingOptions> publishing, IOptions<AnalysisOptions> analysis, ComplianceEvaluator evaluator, IWaiverCatalog waivers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentNullException.ThrowIfNull(analysis);
        _publishing = publishing.Value;
        _analysis = analysis.Value;
        _evaluator = evaluator;
        _waivers = waivers;
        _attributes = new OpenScapAttributeBuilder(_publishing);
        _time = time;
    }

    public Task<ComposedResult> ComposeAsync(ContainerImage image, ScanReport report, string scanId, DateTimeOffset scannedOn, string resultsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(report);
        var completed = report.Outcome == ScanOutcome.Completed;
        var digest = ListedDigest(image) ?? report.Image?.ManifestDigest ?? string.Empty;
        var scan = new PublishedScan
        {
            ScanId = scanId,
            ScannedOn = scannedOn,
            Digest = digest,
            ManifestDigest = report.Image?.ManifestDigest,
            Distribution = report.Distribution is { } d ? string.Join(' ', new[] { d.Id, d.VersionId }.Where(p => !string.IsNullOrEmpty(p))) : null,
            Content = report.Content?.ToString(),
            FeedUpdatedOn = report.Content?.CveFeedDate,
            Summary = completed ? report.Summary : null,
            Error = completed ? null : $"{report.ErrorKind}: {report.ErrorMessage}",
            Notes = Notes(report),
            ReportUrl = _analysis.PublicUrl is { } url ? ReportLinks.ImageReport(url, image.Id).AbsoluteUri : null,
        };
        return JudgeAsync(image, scan, scanId, resultsDirectory, Artifacts(report.Artifacts), cancellationToken);
    }

    /// <summary>
    /// Judges a stored result again (the waivers changed) from its summary, without a rescan: the same scan, a new
    /// record named <paramref name="recordId"/>, its compact report rewritten in place.
    /// </summary>
    public Task<ComposedResult> RecomposeAsync(ContainerImage image, StoredResult stored, ScapSummary summary, string recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(stored);
        var record = stored.Record;
        var scan = StoredScan.Read(record, summary);
        var artifacts = new Dictionary<string, string>(record.Artifacts, StringComparer.Ordinal);
        var directory = artifacts.TryGetValue(AnalysisArtifacts.SummaryKind, out var summaryPath) ? Path.GetDirectoryName(summaryPath)! : string.Empty;
        return JudgeAsync(image, scan, recordId, directory, artifacts, cancellationToken);
    }

    private async Task<ComposedResult> JudgeAsync(ContainerImage image, PublishedScan scan, string recordId, string resultsDirectory, Dictionary<string, string> artifacts, CancellationToken cancellationToken)
    {
        var provider = image.EmsId?.ToString(CultureInfo.InvariantCulture);
        var evaluation = _evaluator.Evaluate(scan.Summary, ImageScope.Of(provider, image.Name), _waivers.Current, _time.GetUtcNow());
        var status = evaluation.Status;
        var published = scan with
        {
            Summary = evaluation.Counted,
            ComplianceReasons = evaluation.Reasons,
            Waived = [.. evaluation.Waived.Select(w => w.ToString())],
        };

        string? compactPath = null;
        var omitted = 0;
        if (published.Summary is { } summary && resultsDirectory.Length > 0)
        {
            var rendered = CompactReport.Render(summary, new CompactReportDetails
            {
                Image = image.PullReference,
                Digest = published.Digest.Length == 0 ? null : published.Digest,
                Status = status.ToWire(),
                Distribution = published.Distribution,
                ScannedOn = published.ScannedOn,
                FeedUpdatedOn = published.FeedUpdatedOn,
                Notes = published.Notes.Count == 0 ? null : string.Join(" ", published.Notes),
                Verdict = string.Join("\n", published.ComplianceReasons),
                Waived = published.Waived.Count == 0 ? null : string.Join("\n", published.Waived),
            });
            compactPath = Path.Combine(resultsDirectory, AnalysisArtifacts.CompactReport);
            Directory.CreateDirectory(resultsDirectory);
            await File.WriteAllTextAsync(compactPath, rendered.Html, cancellationToken).ConfigureAwait(false);
            published = published with { ReportHtml = rendered.Encoded };
            omitted = rendered.Omitted;
            artifacts[AnalysisArtifacts.CompactReportKind] = compactPath;
        }

        var record = new ScanResultRecord
        {
            ImageId = image.Id,
            Digest = published.Digest.Length == 0 ? null : published.Digest,
            ScanId = recordId,
            ScannedOn = published.ScannedOn,
            Status = status.ToWire(),
            ContentFingerprint = published.Content ?? string.Empty,
            Attributes = _attributes.Build(published, status),
            Artifacts = artifacts,
        };
        return new ComposedResult(published, status, record) { CompactReportPath = compactPath, ReportOmitted = omitted, Evaluation = evaluation };
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

    private static Dictionary<string, string> Artifacts(ScanArtifactPaths paths)
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
        return artifacts;
    }
}

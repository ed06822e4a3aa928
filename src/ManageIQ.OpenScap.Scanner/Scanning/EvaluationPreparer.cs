using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// Prepares oscap's inputs beyond the data stream: fetches the CVE feed and either places it for
/// <c>--local-files</c> with a tailoring that selects its rules, or sets it aside for a separate OVAL evaluation;
/// either way slimmed to the image's packages (<see cref="CveFeedSlimming"/>).
/// </summary>
internal sealed class EvaluationPreparer(
    IDataStreamInspector dataStreamInspector,
    ICveFeedCache feedCache,
    CveFeedSlimming slimming,
    IOptions<CveFeedOptions> feedOptions,
    TimeProvider timeProvider,
    ILogger<EvaluationPreparer> logger)
{
    public async Task<PreparedEvaluation> PrepareAsync(ImageScanRequest request, ScapContentSelection content, PackageInventory inventory, string oscapWork, CancellationToken cancellationToken)
    {
        // The operator's tailoring goes to oscap as it is, unless the feed's rules must be added: oscap takes one file.
        var tailoring = content.TailoringFile is null ? null : OperatorTailoring.Read(content.TailoringFile);
        var prepared = await PrepareFeedAsync(request, content, inventory, tailoring, oscapWork, cancellationToken).ConfigureAwait(false);
        return tailoring is null ? prepared
            : prepared.TailoringFile is null ? prepared with { TailoringFile = tailoring.Path, TailoringContent = tailoring.ContentDigest }
            : prepared with { TailoringContent = tailoring.ContentDigest };
    }

    private async Task<PreparedEvaluation> PrepareFeedAsync(ImageScanRequest request, ScapContentSelection content, PackageInventory inventory, OperatorTailoring? tailoring, string oscapWork, CancellationToken cancellationToken)
    {
        var policy = request.CveFeedPolicy ?? feedOptions.Value.Policy;
        if (policy == CveFeedPolicy.Disabled)
        {
            return PreparedEvaluation.WithoutFeed(content.Profile);
        }

        var dataStream = content.DataStreamPath is null ? null : await dataStreamInspector.InspectAsync(content.DataStreamPath, cancellationToken).ConfigureAwait(false);
        var remote = dataStream?.RemoteChecks.FirstOrDefault(c => c.RuleIds.Count > 0);
        var location = content.CveFeed is null ? remote?.Url : CveFeedLocation.FromBase(content.CveFeed, remote?.Url);
        if (location is null)
        {
            return content.CveFeed is null
                ? PreparedEvaluation.WithoutFeed(content.Profile)
                : PreparedEvaluation.WithoutFeed(content.Profile, $"CVE feed base {CveFeedCache.Redact(content.CveFeed)} names no file, and {Path.GetFileName(content.DataStreamPath)} references no feed to take the name from.");
        }

        CveFeedFile feed;
        try
        {
            feed = await feedCache.GetAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (CveFeedException e) when (policy == CveFeedPolicy.Optional)
        {
            Log.CveFeedUnavailable(logger, e.Message);
            return PreparedEvaluation.WithoutFeed(content.Profile, e.Message + " The scan ran without CVE results.");
        }

        var mode = remote is null || dataStream is null ? CveFeedUse.OvalEvalMode : CveFeedUse.LocalFilesMode;
        var use = new CveFeedUse(CveFeedCache.Redact(location), mode, feed.FromCache, feed.Stale, feed.LastModified, feed.ETag) { Slim = feedOptions.Value.Slim };
        var notes = new List<string>();
        if (feed.Stale)
        {
            notes.Add($"The CVE feed {CveFeedCache.Redact(location)} could not be refreshed; a cached copy was used.");
        }

        if (remote is null || dataStream is null)
        {
            var ovalPath = Path.Combine(oscapWork, "cve-feed.xml");
            await CveFeedMaterializer.MaterializeAsync(feed.Path, ovalPath, feedOptions.Value.MaxBytes, cancellationToken).ConfigureAwait(false);
            var slimmedOval = await SlimAsync(ovalPath, inventory, notes, cancellationToken).ConfigureAwait(false);
            return new PreparedEvaluation(content.Profile, null, null, ovalPath, use, notes) { FeedDefinitions = slimmedOval.Definitions };
        }

        // The slim feed keeps the name the data stream references, so oscap's --local-files finds it.
        var localFiles = Directory.CreateDirectory(Path.Combine(oscapWork, "local-files")).FullName;
        var localFeed = Path.Combine(localFiles, remote.LocalName);
        await CveFeedMaterializer.MaterializeAsync(feed.Path, localFeed, feedOptions.Value.MaxBytes, cancellationToken).ConfigureAwait(false);
        var slimmed = await SlimAsync(localFeed, inventory, notes, cancellationToken).ConfigureAwait(false);
        var merged = Path.Combine(oscapWork, "tailoring-cve-feed.xml");
        var profile = CveTailoring.Write(tailoring?.Over(dataStream) ?? dataStream, content.Profile, remote, merged, timeProvider);
        return new PreparedEvaluation(profile, merged, localFiles, null, use, notes) { FeedDefinitions = slimmed.Definitions };
    }

    private async Task<CveFeedSlimmingOutcome> SlimAsync(string feedPath, PackageInventory inventory, List<string> notes, CancellationToken cancellationToken)
    {
        var outcome = await slimming.SlimAsync(feedPath, inventory, cancellationToken).ConfigureAwait(false);
        if (outcome.Note is not null)
        {
            notes.Add(outcome.Note);
        }

        return outcome;
    }
}

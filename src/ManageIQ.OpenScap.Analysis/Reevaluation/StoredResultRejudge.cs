using System.Globalization;
using System.Text.Json;
using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Analysis.Enforcement;
using ManageIQ.OpenScap.Analysis.Logging;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Analysis.Reevaluation;

/// <summary>
/// Judges every image's latest stored result again, from the summary its scan wrote, when the waivers changed: a
/// result whose attributes come out different is recorded and posted (and enforced) like a new one, without a rescan.
/// A failed scan (<c>error</c>) has no findings to waive and is left alone. One ManageIQ read per changed image
/// candidate: its name and provider decide the waivers' scope, its attributes plan the posting. A delivered change is
/// followed up (<see cref="IPostedResultFollowUp"/>) as a new post is, so ManageIQ's own compliance record follows it.
/// </summary>
public sealed class StoredResultRejudge(
    IResultStore store,
    IManageIqClient client,
    ResultComposer composer,
    IOutboxPublisher outbox,
    VerdictEnforcement enforcement,
    IEnumerable<IPostedResultFollowUp> followUps,
    TimeProvider time,
    ILogger<StoredResultRejudge> logger)
{
    public const int PageSize = 200;

    /// <summary>The most characters of a summary file read back.</summary>
    public const long MaxSummaryBytes = 64L * 1024 * 1024;

    public async Task<RejudgeReport> RejudgeAllAsync(CancellationToken cancellationToken)
    {
        int looked = 0, changed = 0, skipped = 0;
        long after = 0;
        while (true)
        {
            var page = await store.ListLatestImageIdsAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var imageId in page)
            {
                looked++;
                switch (await RejudgeAsync(imageId, cancellationToken).ConfigureAwait(false))
                {
                    case true: changed++; break;
                    case null: skipped++; break;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1];
        }

        Log.RejudgeFinished(logger, looked, changed, skipped);
        return new RejudgeReport(looked, changed, skipped);
    }

    /// <summary>True when the result changed and was posted, false when it stands, null when it could not be judged.</summary>
    public async Task<bool?> RejudgeAsync(long imageId, CancellationToken cancellationToken)
    {
        if (await store.GetLatestAsync(imageId, cancellationToken).ConfigureAwait(false) is not { } stored
            || OpenScapStatusNames.Parse(stored.Record.Status) == OpenScapStatus.Error)
        {
            return false;
        }

        if (await ReadSummaryAsync(stored, cancellationToken).ConfigureAwait(false) is not { } summary)
        {
            return null;
        }

        ManageIq.Models.ContainerImageWithAttributes read;
        try
        {
            read = await client.GetContainerImageWithAttributesAsync(imageId, cancellationToken).ConfigureAwait(false);
        }
        catch (ManageIqException e)
        {
            Log.RejudgeSkipped(logger, imageId, "ManageIQ did not give the image: " + e.Message);
            return null;
        }

        var scanId = stored.Record.Attributes.FirstOrDefault(a => a.Name == OpenScapAttributeNames.ScanId)?.Value ?? stored.Record.ScanId;
        var recordId = string.Create(CultureInfo.InvariantCulture, $"{scanId}-rejudged-{ScanIds.New(time.GetUtcNow())}");
        var composed = await composer.RecomposeAsync(read.Image, stored, summary, recordId, cancellationToken).ConfigureAwait(false);
        if (SameAttributes(stored.Record, composed.Record))
        {
            return false;
        }

        var recorded = await store.RecordAsync(composed.Record, cancellationToken).ConfigureAwait(false);
        var delivery = await outbox.DeliverAsync(imageId, read.CustomAttributes, cancellationToken).ConfigureAwait(false);
        await enforcement.EnforceAsync(read.Image, composed, cancellationToken).ConfigureAwait(false);
        if (delivery.Status == DeliveryStatus.Delivered)
        {
            foreach (var followUp in followUps)
            {
                await followUp.AfterPostedAsync(read.Image, cancellationToken).ConfigureAwait(false);
            }
        }

        Log.Rejudged(logger, imageId, scanId, stored.Record.Status, composed.Record.Status, recorded.Seq, delivery.Status);
        return true;
    }

    private async Task<ScapSummary?> ReadSummaryAsync(StoredResult stored, CancellationToken cancellationToken)
    {
        if (!stored.Record.Artifacts.TryGetValue(AnalysisArtifacts.SummaryKind, out var path) || !File.Exists(path))
        {
            Log.RejudgeSkipped(logger, stored.ImageId, "its scan's summary is gone (results retention?); the next scan judges it");
            return null;
        }

        try
        {
            if (new FileInfo(path).Length > MaxSummaryBytes)
            {
                Log.RejudgeSkipped(logger, stored.ImageId, $"its summary {path} is larger than {MaxSummaryBytes} bytes");
                return null;
            }

            var input = File.OpenRead(path);
            await using (input.ConfigureAwait(false))
            {
                return await ScapSummaryJson.DeserializeAsync(input, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            Log.RejudgeSkipped(logger, stored.ImageId, $"its summary {path} is not readable: {e.Message}");
            return null;
        }
    }

    // The compact report carries no time of its own, so equal attributes mean an unchanged verdict and listing.
    private static bool SameAttributes(ScanResultRecord before, ScanResultRecord after) =>
        before.Attributes.Count == after.Attributes.Count
        && before.Attributes.Zip(after.Attributes).All(p => p.First.Name == p.Second.Name && p.First.Value == p.Second.Value);
}

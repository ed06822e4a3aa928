using System.Net;
using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>
/// Runs one scan taken from the queue: reads the image (from ManageIQ, else from the last listing while ManageIQ is
/// down), scans its digest on the provider's backend, then publishes the result for it and for every waiting image
/// of the same digest: one scan, one post each. A scan cut off by the stop stays in flight, so the next start queues
/// it again.
/// </summary>
public sealed class ScanExecution
{
    /// <summary>The reason a scan taken from the queue finished without running.</summary>
    public const string Unchanged = "unchanged since its last result";

    private readonly IManageIqClient _client;
    private readonly IScanQueue _queue;
    private readonly ImageAnalyzer _analyzer;
    private readonly ImageCatalog _catalog;
    private readonly BackendChoice _backends;
    private readonly ImageFreshness _freshness;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServiceObserver[] _observers;

    public ScanExecution(IManageIqClient client, IScanQueue queue, ImageAnalyzer analyzer, ImageCatalog catalog, BackendChoice backends, ImageFreshness freshness, TimeProvider time, ILogger<ScanExecution> logger, IEnumerable<IServiceObserver> observers)
    {
        _observers = [.. observers];
        _client = client;
        _queue = queue;
        _analyzer = analyzer;
        _catalog = catalog;
        _backends = backends;
        _freshness = freshness;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(QueuedScan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        using var scope = _logger.BeginScope(Scope(scan, null));
        try
        {
            var read = await ReadAsync(scan, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return;
            }

            var image = read.Value.Read.Image;
            if (scan.Priority != ScanPriority.Requested && await _freshness.IsFreshAsync(image, cancellationToken).ConfigureAwait(false))
            {
                // Queued twice, or a result came while it waited (a shared digest): only a person's request rescans it.
                await _queue.AdvanceAsync(scan.Id, ScanState.Done, Unchanged, CancellationToken.None).ConfigureAwait(false);
                Log.NotScanned(_logger, scan.Id, scan.ImageId, Unchanged);
                Tell(o => o.ScanFinished(scan, null, Unchanged));
                return;
            }

            var startedOn = _time.GetUtcNow();
            var resultId = ScanIds.New(startedOn);
            using var imageScope = _logger.BeginScope(new Dictionary<string, object?> { ["ScanId"] = resultId, ["Image"] = image.PullReference });
            var backend = _backends.For(scan.ProviderId);
            var directory = _analyzer.DirectoryFor(image.Id, resultId);
            Log.ScanStarted(_logger, scan.Id, image.Id, scan.ProviderId, backend, resultId);
            Tell(o => o.ScanStarted(scan, image));
            var report = await _analyzer.ScanAsync(image, resultId, backend, directory, new QueueProgress(_queue, scan, _observers), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await _queue.AdvanceAsync(scan.Id, ScanState.Publishing, cancellationToken: cancellationToken).ConfigureAwait(false);
            Tell(o => o.ScanPublishing(scan));
            var digest = ResultComposer.ListedDigest(image);
            var sharing = digest is null || report.Outcome != ScanOutcome.Completed ? [] : await _queue.ClaimSharingDigestAsync(scan.Id, digest, cancellationToken).ConfigureAwait(false);
            await PublishAsync(scan, read.Value.Read, read.Value.Deliver, report, resultId, startedOn, directory, cancellationToken).ConfigureAwait(false);
            foreach (var other in sharing)
            {
                await PublishSharedAsync(other, digest!, report, scan.Id, startedOn, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ScanCutOff(_logger, scan.Id, scan.ImageId);
            throw;
        }
    }

    private async Task PublishSharedAsync(QueuedScan other, string digest, ScanReport report, long sourceScan, DateTimeOffset startedOn, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(Scope(other, null));
        try
        {
            var read = await ReadAsync(other, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return;
            }

            if (ResultComposer.ListedDigest(read.Value.Read.Image) != digest)
            {
                // Its tag moved since it was queued: it needs a scan of its own.
                await _queue.AdvanceAsync(other.Id, ScanState.Failed, "its digest changed while it waited; queued again", CancellationToken.None).ConfigureAwait(false);
                await _queue.EnqueueAsync(new ScanRequest(other.ImageId, other.ProviderId, ResultComposer.ListedDigest(read.Value.Read.Image), other.Priority), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var resultId = ScanIds.New(startedOn);
            using var imageScope = _logger.BeginScope(new Dictionary<string, object?> { ["ScanId"] = resultId, ["Image"] = read.Value.Read.Image.PullReference });
            Log.SharedDigest(_logger, other.Id, other.ImageId, sourceScan);
            await PublishAsync(other, read.Value.Read, read.Value.Deliver, report, resultId, startedOn, _analyzer.DirectoryFor(other.ImageId, resultId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ScanCrashed(_logger, other.Id, other.ImageId, e.Message);
            await _queue.AdvanceAsync(other.Id, ScanState.Failed, e.Message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(QueuedScan scan, ContainerImageWithAttributes read, bool deliver, ScanReport report, string resultId, DateTimeOffset startedOn, string directory, CancellationToken cancellationToken)
    {
        var analysis = await _analyzer.PublishAsync(read, report, resultId, startedOn, directory, deliver, cancellationToken).ConfigureAwait(false);
        var failed = report.Outcome != ScanOutcome.Completed;
        await _queue.AdvanceAsync(scan.Id, failed ? ScanState.Failed : ScanState.Done, failed ? $"{report.ErrorKind}: {report.ErrorMessage}" : null, CancellationToken.None).ConfigureAwait(false);
        Log.ScanFinished(_logger, scan.Id, scan.ImageId, analysis.Status);
        Tell(o => o.ScanFinished(scan, analysis, null));
    }

    /// <summary>The image with its attributes, and whether to post now; null when the scan was finished here (gone, archived).</summary>
    private async Task<(ContainerImageWithAttributes Read, bool Deliver)?> ReadAsync(QueuedScan scan, CancellationToken cancellationToken)
    {
        try
        {
            var read = await _client.GetContainerImageWithAttributesAsync(scan.ImageId, cancellationToken).ConfigureAwait(false);
            if (read.Image.DeletedOn is not null)
            {
                await FinishUnscannedAsync(scan, "the image is archived in ManageIQ").ConfigureAwait(false);
                return null;
            }

            return (read, true);
        }
        catch (ManageIqApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            await FinishUnscannedAsync(scan, "ManageIQ has no such container image any more").ConfigureAwait(false);
            return null;
        }
        catch (ManageIqException e) when (e is not ManageIqApiException { StatusCode: < HttpStatusCode.InternalServerError })
        {
            if (_catalog.Find(scan.ImageId) is { } listed)
            {
                // Scanning goes on while ManageIQ is down; the result waits in the outbox.
                Log.ScanningFromListing(_logger, scan.Id, scan.ImageId, e.Message);
                return (new ContainerImageWithAttributes(listed, []), false);
            }

            await FinishUnscannedAsync(scan, "ManageIQ did not answer and the image is not in the last listing: " + e.Message).ConfigureAwait(false);
            await _queue.EnqueueAsync(new ScanRequest(scan.ImageId, scan.ProviderId, scan.Digest, scan.Priority), CancellationToken.None).ConfigureAwait(false);
            return null;
        }
    }

    private async Task FinishUnscannedAsync(QueuedScan scan, string reason)
    {
        Log.NotScanned(_logger, scan.Id, scan.ImageId, reason);
        await _queue.AdvanceAsync(scan.Id, ScanState.Failed, reason, CancellationToken.None).ConfigureAwait(false);
        Tell(o => o.ScanFinished(scan, null, reason));
    }

    private void Tell(Action<IServiceObserver> call)
    {
        foreach (var observer in _observers)
        {
            call(observer);
        }
    }

    private static Dictionary<string, object?> Scope(QueuedScan scan, string? image) => new()
    {
        ["QueuedScanId"] = scan.Id,
        ["ImageId"] = scan.ImageId,
        ["ProviderId"] = scan.ProviderId,
        ["Image"] = image,
    };
}

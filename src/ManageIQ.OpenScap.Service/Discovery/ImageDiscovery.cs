using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Control.Assignments;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.Service.Logging;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>
/// Lists the selected providers and their live images (pages of 1,000, no custom attributes), queues what
/// needs a scan, and drops the waiting work of images that left the listing or were archived. A discovery pass
/// queues images it had not seen at the new-image priority; a full scan queues all of a provider's images at the
/// nightly priority. Both skip an image whose last result is still what a scan would give (<see cref="ImageFreshness"/>).
/// </summary>
public sealed class ImageDiscovery : IDisposable
{
    private readonly IManageIqClient _client;
    private readonly IScanQueue _queue;
    private readonly ImageCatalog _catalog;
    private readonly ImageFreshness _freshness;
    private readonly ImageExclusions _exclusions;
    private readonly ManageIqReachability _reachability;
    private readonly BridgeProfileAssignments _assignments;
    private readonly IOptionsMonitor<ServiceOptions> _options;
    private readonly ILogger _logger;
    private readonly IServiceObserver[] _observers;
    private const int MaxWaitingListed = 1_000_000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ImageDiscovery(IManageIqClient client, IScanQueue queue, ImageCatalog catalog, ImageFreshness freshness, ImageExclusions exclusions, ManageIqReachability reachability, BridgeProfileAssignments assignments, IOptionsMonitor<ServiceOptions> options, ILogger<ImageDiscovery> logger, IEnumerable<IServiceObserver> observers)
    {
        _assignments = assignments;
        _observers = [.. observers];
        _client = client;
        _queue = queue;
        _catalog = catalog;
        _freshness = freshness;
        _exclusions = exclusions;
        _reachability = reachability;
        _options = options;
        _logger = logger;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>One discovery pass over every selected provider.</summary>
    public async Task<DiscoveryReport> DiscoverAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var providers = await SelectedProvidersAsync(cancellationToken).ConfigureAwait(false);
            var total = new DiscoveryReport(providers.Count, 0, 0, 0, 0, 0);
            foreach (var stale in _catalog.Providers.Where(p => !providers.Contains(p)))
            {
                total = total with { Dropped = total.Dropped + await DropAsync(_catalog.RemoveProvider(stale), "its provider is no longer selected or listed", cancellationToken).ConfigureAwait(false) };
            }

            foreach (var provider in providers)
            {
                var report = await PassAsync(provider, ScanPriority.NewImage, cancellationToken).ConfigureAwait(false);
                total = total with { Images = total.Images + report.Images, Queued = total.Queued + report.Queued, Skipped = total.Skipped + report.Skipped, Excluded = total.Excluded + report.Excluded, Dropped = total.Dropped + report.Dropped };
            }

            Log.Discovered(_logger, total.Providers, total.Images, total.Queued, total.Skipped, total.Excluded, total.Dropped);
            foreach (var observer in _observers)
            {
                observer.Discovered(total);
            }

            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The provider's full scan: every image of it queued at the nightly priority unless it is fresh.</summary>
    public async Task<DiscoveryReport> FullScanAsync(long providerId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var report = await PassAsync(providerId, ScanPriority.FullScan, cancellationToken).ConfigureAwait(false);
            Log.FullScanQueued(_logger, providerId, report.Images, report.Queued, report.Skipped);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The ids of the providers ManageIQ lists that <c>Bridge:Providers</c> selects; in the assigned mode, those with
    /// one of the bridge's profiles assigned, read now (one request each, also what publishing's compliance check reuses).
    /// </summary>
    public async Task<IReadOnlyList<long>> SelectedProvidersAsync(CancellationToken cancellationToken)
    {
        var selection = _options.CurrentValue.Providers;
        var listed = new List<long>();
        await foreach (var provider in Reached(_client.GetContainerProvidersAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            listed.Add(provider.Id);
        }

        if (selection.Mode != ProviderSelectionMode.Assigned)
        {
            return [.. listed.Where(selection.Includes)];
        }

        var ids = new List<long>();
        foreach (var id in listed)
        {
            if (await AssignedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private async Task<bool> AssignedAsync(long providerId, CancellationToken cancellationToken)
    {
        try
        {
            return await _assignments.ReadAsync(providerId, cancellationToken).ConfigureAwait(false);
        }
        catch (ManageIq.Errors.ManageIqException e)
        {
            _reachability.Failed(e.Message);
            throw;
        }
    }

    private async Task<DiscoveryReport> PassAsync(long providerId, ScanPriority priority, CancellationToken cancellationToken)
    {
        var images = new List<ContainerImage>();
        await foreach (var image in Reached(_client.GetContainerImagesAsync(new ContainerImageQuery { ProviderId = providerId }, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            images.Add(image);
        }

        int queued = 0, skipped = 0, excluded = 0, dropped = 0;
        foreach (var image in images)
        {
            if (image.DeletedOn is not null)
            {
                dropped += await DropAsync([image.Id], "it is archived in ManageIQ", cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_exclusions.ExcludedBy(image) is { } pattern)
            {
                excluded++;
                dropped += await DropAsync([image.Id], $"its name matches the exclusion {pattern}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var candidate = priority == ScanPriority.FullScan || !_catalog.Knows(image.Id) || _catalog.Find(image.Id)?.Digest != image.Digest;
            if (candidate && !await _freshness.IsFreshAsync(image, cancellationToken).ConfigureAwait(false))
            {
                await _queue.EnqueueAsync(new ScanRequest(image.Id, providerId, ResultComposer.ListedDigest(image), priority), cancellationToken).ConfigureAwait(false);
                queued++;
            }
            else
            {
                skipped++;
            }
        }

        var live = images.Where(i => i.DeletedOn is null).ToList();
        var liveIds = live.Select(i => i.Id).ToHashSet();
        var waiting = await _queue.ListAsync(ScanState.Queued, MaxWaitingListed, cancellationToken).ConfigureAwait(false);
        var gone = _catalog.Replace(providerId, live).Union(waiting.Where(s => s.ProviderId == providerId && !liveIds.Contains(s.ImageId)).Select(s => s.ImageId));
        dropped += await DropAsync(gone, "it is no longer in ManageIQ's listing of live images of its provider (archived or removed)", cancellationToken).ConfigureAwait(false);
        return new DiscoveryReport(1, images.Count, queued, skipped, excluded, dropped);
    }

    private async Task<int> DropAsync(IEnumerable<long> imageIds, string reason, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var id in imageIds)
        {
            if (await _queue.DropQueuedAsync(id, reason, cancellationToken).ConfigureAwait(false))
            {
                Log.DroppedWaiting(_logger, id, reason);
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Marks ManageIQ reached, or not, by how the listing ends.</summary>
    private async IAsyncEnumerable<T> Reached<T>(IAsyncEnumerable<T> listing, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = listing.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync().ConfigureAwait(false);
            }
            catch (ManageIq.Errors.ManageIqException e)
            {
                _reachability.Failed(e.Message);
                throw;
            }

            if (!more)
            {
                _reachability.Reached();
                yield break;
            }

            yield return items.Current;
        }
    }
}

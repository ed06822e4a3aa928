using System.Globalization;
using System.Net;
using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Analysis.Enforcement;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Logging;
using ManageIQ.OpenScap.Analysis.Retention;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>
/// <see cref="IImageAnalyzer"/>: at most three ManageIQ requests per image beyond authentication to publish, because
/// the image read brings its attributes and delivery plans from them (then the upsert, and a delete when stale
/// <c>openscap_</c> attributes remain); then each <see cref="IPostedResultFollowUp"/> (the compliance check: a fourth).
/// </summary>
public sealed class ImageAnalyzer : IImageAnalyzer
{
    private readonly IManageIqClient _client;
    private readonly IEnumerable<IScanBackend> _backends;
    private readonly ResultComposer _composer;
    private readonly IResultStore _store;
    private readonly IOutboxPublisher _outbox;
    private readonly VerdictEnforcement _enforcement;
    private readonly IPostedResultFollowUp[] _followUps;
    /// <summary>The least time between two retention passes of one process.</summary>
    public static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(5);

    private readonly ResultsDirectoryRetention _retention;
    private long _lastRetention;
    private readonly AnalysisOptions _options;
    private readonly ProviderScanContents _contents;
    private readonly string _resultsRoot;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ImageAnalyzer(
        IManageIqClient client,
        IEnumerable<IScanBackend> backends,
        ResultComposer composer,
        IResultStore store,
        IOutboxPublisher outbox,
        VerdictEnforcement enforcement,
        ResultsDirectoryRetention retention,
        IOptions<AnalysisOptions> options,
        IOptions<StateStoreOptions> state,
        IOptions<ProviderScanContents> contents,
        TimeProvider time,
        ILogger<ImageAnalyzer> logger,
        IEnumerable<IPostedResultFollowUp> followUps)
    {
        _followUps = [.. followUps];
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(contents);
        _client = client;
        _backends = backends;
        _composer = composer;
        _store = store;
        _outbox = outbox;
        _enforcement = enforcement;
        _retention = retention;
        _options = options.Value;
        _contents = contents.Value;
        _resultsRoot = _options.ResolveResultsDirectory(state.Value.StateDirectory!);
        _time = time;
        _logger = logger;
    }

    public async Task<ImageAnalysis> AnalyzeAsync(long imageId, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageId);
        ContainerImageWithAttributes read;
        try
        {
            read = await _client.GetContainerImageWithAttributesAsync(imageId, cancellationToken).ConfigureAwait(false);
        }
        catch (ManageIqException e)
        {
            var status = e switch
            {
                ManageIqApiException { StatusCode: HttpStatusCode.NotFound } => AnalysisStatus.ImageNotFound,
                ManageIqApiException { StatusCode: < HttpStatusCode.InternalServerError } => AnalysisStatus.LookupRefused,
                _ => AnalysisStatus.Unreachable,
            };
            Log.LookupFailed(_logger, imageId, status, e.Message);
            return new ImageAnalysis(imageId, status) { Message = e.Message };
        }

        var image = read.Image;
        if (image.DeletedOn is { } archived)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"Container image {imageId} ({image.PullReference}) is archived in ManageIQ since {archived:u}: it is gone from its provider, so there is nothing to scan.");
            Log.LookupFailed(_logger, imageId, AnalysisStatus.ImageArchived, message);
            return new ImageAnalysis(imageId, AnalysisStatus.ImageArchived) { Image = image, Message = message };
        }

        var startedOn = _time.GetUtcNow();
        var scanId = ScanIds.New(startedOn);
        var provider = image.EmsId?.ToString(CultureInfo.InvariantCulture);
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["ScanId"] = scanId, ["ImageId"] = imageId, ["Image"] = image.PullReference, ["ProviderId"] = provider });
        var directory = DirectoryFor(imageId, scanId);
        var report = await ScanAsync(image, scanId, _options.Backend, directory, progress, cancellationToken).ConfigureAwait(false);
        return await PublishAsync(read, report, scanId, startedOn, directory, deliver: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where scan <paramref name="scanId"/> of the image keeps its ARF, oscap HTML and compact report.</summary>
    public string DirectoryFor(long imageId, string scanId) =>
        Path.Combine(_resultsRoot, imageId.ToString(CultureInfo.InvariantCulture), scanId);

    /// <summary>
    /// Scans the image's digest on the backend named <paramref name="backendName"/> into <paramref name="directory"/>.
    /// The report may then be published for every image that lists the same digest.
    /// </summary>
    public Task<ScanReport> ScanAsync(ContainerImage image, string scanId, string backendName, string directory, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(backendName);
        var provider = image.EmsId?.ToString(CultureInfo.InvariantCulture);
        return ScanAsync(image, scanId, provider, backendName, directory, progress, cancellationToken);
    }

    /// <summary>
    /// Composes the image's result from <paramref name="report"/>, commits it, and (when <paramref name="deliver"/>)
    /// posts it planning from the attributes <paramref name="read"/> brought; otherwise it waits in the outbox.
    /// </summary>
    public async Task<ImageAnalysis> PublishAsync(ContainerImageWithAttributes read, ScanReport report, string scanId, DateTimeOffset startedOn, string directory, bool deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(report);
        var image = read.Image;
        var composed = await _composer.ComposeAsync(image, report, scanId, startedOn, directory, cancellationToken).ConfigureAwait(false);
        var recorded = await _store.RecordAsync(composed.Record, cancellationToken).ConfigureAwait(false);
        Log.Recorded(_logger, recorded.Seq, image.Id, composed.Record.Status, recorded.Disposition);
        var delivery = deliver
            ? await _outbox.DeliverAsync(image.Id, read.CustomAttributes, cancellationToken).ConfigureAwait(false)
            : new DeliveryOutcome(image.Id, DeliveryStatus.Unreachable) { Seq = recorded.Seq, Error = "ManageIQ was not reached before the scan; the result waits in the outbox." };
        await _enforcement.EnforceAsync(image, composed, cancellationToken).ConfigureAwait(false);
        if (delivery.Status == DeliveryStatus.Delivered)
        {
            foreach (var followUp in _followUps)
            {
                await followUp.AfterPostedAsync(image, cancellationToken).ConfigureAwait(false);
            }
        }

        ApplyRetention();
        return new ImageAnalysis(image.Id, StatusOf(report, delivery))
        {
            Image = image,
            ScanId = scanId,
            Report = report,
            Result = composed,
            Delivery = delivery,
            ResultsDirectory = directory,
            Message = delivery.Error,
        };
    }

    private async Task<ScanReport> ScanAsync(ContainerImage image, string scanId, string? provider, string backendName, string directory, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var listed = ResultComposer.ListedDigest(image);
        var job = new ScanJob
        {
            JobId = scanId,
            Image = image.PullReference,
            // A docker:// image_ref names the image id, not a manifest: it can't pin the pull, only check it.
            ExpectedDigest = IsImageIdOnly(image) ? null : listed,
            ExpectedImageId = IsImageIdOnly(image) ? listed : null,
            ProviderId = provider,
            OutputDirectory = directory,
            Profile = _contents.For(provider)?.Profile,
            TailoringFile = _contents.For(provider)?.TailoringFile,
        };
        var backend = _backends.FirstOrDefault(b => b.Name == backendName)
            ?? throw new InvalidOperationException($"No scan backend named '{backendName}' is registered (configuration key {AnalysisOptions.SectionName}:{nameof(AnalysisOptions.Backend)}, or the provider's Backend override).");
        Log.Scanning(_logger, image.Id, image.PullReference, provider, backend.Name);
        var report = await backend.ScanAsync(job, progress, cancellationToken).ConfigureAwait(false);
        if (report.Outcome == ScanOutcome.Completed)
        {
            Log.Scanned(_logger, image.Id, report.Summary?.FailedBySeverity.Total ?? 0, report.Summary?.Cves.Count ?? 0, report.Timings.Total.TotalSeconds);
        }
        else
        {
            Log.ScanFailed(_logger, image.Id, report.ErrorKind, report.ErrorMessage ?? string.Empty);
        }

        return report;
    }

    private static bool IsImageIdOnly(ContainerImage image) =>
        string.IsNullOrEmpty(image.Digest) && image.ImageRef?.StartsWith(ContainerImageReference.DockerPrefix, StringComparison.Ordinal) == true;

    private static AnalysisStatus StatusOf(ScanReport report, DeliveryOutcome delivery) => delivery.Status switch
    {
        DeliveryStatus.Delivered or DeliveryStatus.NothingWaiting => report.Outcome == ScanOutcome.Completed ? AnalysisStatus.Posted : AnalysisStatus.ErrorPosted,
        DeliveryStatus.Unreachable => AnalysisStatus.Unreachable,
        DeliveryStatus.Abandoned => AnalysisStatus.ImageNotFound,
        _ => AnalysisStatus.Refused,
    };

    private void ApplyRetention()
    {
        // A pass walks the whole results directory (about 30 ms per 1,000 images): the service prunes at most once
        // per RetentionInterval, not after every publish; a one-shot process's only publish always prunes.
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRetention);
        if ((last != 0 && _time.GetElapsedTime(last, now) < RetentionInterval) || Interlocked.CompareExchange(ref _lastRetention, now, last) != last)
        {
            return;
        }

        try
        {
            _retention.Apply(_resultsRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.RetentionFailed(_logger, _resultsRoot, e.Message);
        }
    }
}

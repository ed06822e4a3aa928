using System.Globalization;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Dispatch;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>
/// Decides whether an image needs a scan: not when its last result (the store's, else the one recovered from
/// ManageIQ) is of the digest ManageIQ lists now, succeeded, is younger than <c>Bridge:FullScan:MaxAge</c>, and has
/// the fingerprint a scan now would have.
/// </summary>
public sealed class ImageFreshness
{
    private readonly IResultStore _store;
    private readonly ResultRecovery _recovery;
    private readonly ContentFingerprintPredictor _predictor;
    private readonly IOptionsMonitor<ServiceOptions> _options;
    private readonly TimeProvider _time;
    private readonly BackendChoice _backends;

    private readonly ProviderScanContents _contents;

    public ImageFreshness(IResultStore store, ResultRecovery recovery, ContentFingerprintPredictor predictor, IOptionsMonitor<ServiceOptions> options, IOptions<ProviderScanContents> contents, TimeProvider time, BackendChoice backends)
    {
        ArgumentNullException.ThrowIfNull(contents);
        _contents = contents.Value;
        _backends = backends;
        _store = store;
        _recovery = recovery;
        _predictor = predictor;
        _options = options;
        _time = time;
    }

    public async Task<bool> IsFreshAsync(ContainerImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var last = await LastResultAsync(image, cancellationToken).ConfigureAwait(false);
        var digest = ResultComposer.ListedDigest(image);
        return last is not null
            && digest is not null
            && string.Equals(last.Digest, digest, StringComparison.Ordinal)
            && last.Status != OpenScapStatusNames.Error
            && _time.GetUtcNow() - last.ScannedOn < _options.CurrentValue.FullScan.MaxAge
            && await _predictor.IsCurrentAsync(
                last.Distribution,
                last.ContentFingerprint,
                image.EmsId is { } provider ? _backends.ContentSourceFor(provider) : null,
                _contents.For(image.EmsId?.ToString(CultureInfo.InvariantCulture)),
                cancellationToken).ConfigureAwait(false);
    }

    private async Task<LastResult?> LastResultAsync(ContainerImage image, CancellationToken cancellationToken)
    {
        if (await _store.GetLatestAsync(image.Id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            var record = stored.Record;
            var distribution = record.Attributes.FirstOrDefault(a => a.Name == OpenScapAttributeNames.Distribution)?.Value;
            return new LastResult(record.Digest, record.ContentFingerprint, record.ScannedOn, distribution, record.Status);
        }

        return image.EmsId is { } provider ? await _recovery.FindAsync(provider, image.Id, cancellationToken).ConfigureAwait(false) : null;
    }
}

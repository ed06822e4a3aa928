using System.Diagnostics;
using System.Runtime.Versioning;
using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Sources;
using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Images;

/// <summary>Parallel downloads feeding in-order unpacking.</summary>
public sealed partial class ImageAcquirer
{
    /// <summary>Downloads up to MaxParallelDownloads layers at once; unpacks each, in order, as soon as it is verified.</summary>
    [UnsupportedOSPlatform("windows")]
    private async Task<(TimeSpan Pull, TimeSpan Unpack)> PullAndUnpackAsync(
        IImageSourceReader reader, ResolvedImage resolved, LayerUnpacker unpacker, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        var layers = resolved.Layers;
        var count = layers.Count;
        using var downloadCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(_options.MaxParallelDownloads);
        var pullClock = new PullClock();
        var downloads = new Dictionary<string, Task<string>>(StringComparer.Ordinal);
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new Task<string>[count];
        for (var i = 0; i < count; i++)
        {
            var layer = layers[i];
            var index = i + 1;
            lastUse[layer.Digest] = i;
            if (!downloads.TryGetValue(layer.Digest, out var task))
            {
                task = FetchAsync(reader, layer, index, count, gate, pullClock, progress, downloadCancellation.Token);
                downloads[layer.Digest] = task;
            }

            tasks[i] = task;
        }

        var unpackTime = TimeSpan.Zero;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var path = await tasks[i];
                progress?.Report(new AcquisitionProgress(AcquisitionPhase.Unpacking, i + 1, count, layers[i].Size, layers[i].Size, layers[i].Digest));
                var started = Stopwatch.GetTimestamp();
                var diffId = resolved.DiffIds?[i];
                try
                {
                    await Task.Run(() => unpacker.Unpack(path, diffId, cancellationToken), cancellationToken);
                }
                catch (LayerException ex)
                {
                    throw new LayerException(ex.Failure, $"layer {i + 1}/{count} ({layers[i].Digest}): {ex.Message}", ex);
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                unpackTime += elapsed;
                Log.LayerUnpacked(_logger, i + 1, count, layers[i].Digest, elapsed);
                if (reader.LayersAreCopies && lastUse[layers[i].Digest] == i && !_options.KeepBlobs)
                {
                    File.Delete(path);
                }
            }
        }
        catch
        {
            await downloadCancellation.CancelAsync();
            await Task.WhenAll(tasks).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        return (pullClock.LastFinish, unpackTime);
    }
    private static async Task<string> FetchAsync(IImageSourceReader reader, Descriptor layer, int index, int count, SemaphoreSlim gate,
        PullClock clock, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            long reported = -1;
            progress?.Report(new AcquisitionProgress(AcquisitionPhase.PullingLayer, index, count, 0, layer.Size, layer.Digest));
            var path = await reader.FetchLayerAsync(layer, done =>
            {
                // At most one report per MiB, plus the last one.
                if (progress is not null && (done - reported >= 1024 * 1024 || done == layer.Size))
                {
                    reported = done;
                    progress.Report(new AcquisitionProgress(AcquisitionPhase.PullingLayer, index, count, done, layer.Size, layer.Digest));
                }
            }, cancellationToken);
            clock.MarkFinished();
            return path;
        }
        finally
        {
            gate.Release();
        }
    }
}

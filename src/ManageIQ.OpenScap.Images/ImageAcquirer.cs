using System.Diagnostics;
using System.Runtime.Versioning;
using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Sources;
using ManageIQ.OpenScap.Images.Unpacking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// The acquirer: resolves the source, downloads and verifies layers (several at once), and
/// unpacks them in order as each arrives, so downloading overlaps unpacking.
/// </summary>
public sealed class ImageAcquirer : IImageAcquirer
{
    private readonly ImageAcquisitionOptions _options;
    private readonly ILogger<ImageAcquirer> _logger;
    private readonly TimeProvider _timeProvider;

    public ImageAcquirer(IOptions<ImageAcquisitionOptions> options, ILogger<ImageAcquirer> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public async Task<AcquiredImage> AcquireAsync(ImageAcquisitionRequest request, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Image acquisition unpacks Unix root filesystems and needs Linux.");
        }

        var image = request.Source.ToString();
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Image"] = image });
        try
        {
            if (string.IsNullOrWhiteSpace(request.WorkDirectory))
            {
                throw new SourceException(ImageAcquisitionFailure.InvalidRequest, "no work directory was given");
            }

            return await AcquireCoreAsync(request, image, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Cleanup(request);
            throw;
        }
        catch (Exception ex) when (Translate(ex, image) is { } failure)
        {
            Cleanup(request);
            Log.Failed(_logger, ex, image, failure.Failure);
            throw failure;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private async Task<AcquiredImage> AcquireCoreAsync(ImageAcquisitionRequest request, string image, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var workDirectory = Path.GetFullPath(request.WorkDirectory);
        var rootfs = Path.Combine(workDirectory, "rootfs");
        Directory.CreateDirectory(workDirectory);
        if (request.PullPolicy != PullPolicy.Always && TryReuse(request, image, workDirectory, rootfs) is { } reused)
        {
            progress?.Report(new AcquisitionProgress(AcquisitionPhase.Done, LayerCount: reused.LayerCount));
            return reused;
        }

        if (request.PullPolicy == PullPolicy.Never)
        {
            throw new SourceException(ImageAcquisitionFailure.NotPresent, "the pull policy is 'never' and the work directory holds no complete unpack of it");
        }

        Log.Acquiring(_logger, image, request.Platform, rootfs);
        AcquisitionMarker.Delete(workDirectory);
        RootFileSystem.Delete(rootfs);
        var blobDirectory = Path.Combine(workDirectory, "blobs", "sha256");
        Directory.CreateDirectory(blobDirectory);
        progress?.Report(new AcquisitionProgress(AcquisitionPhase.Resolving));
        using var reader = CreateReader(request, workDirectory, blobDirectory);
        var resolved = await reader.ResolveAsync(cancellationToken);
        var resolveTime = total.Elapsed;
        var layerBytes = resolved.Layers.Sum(l => l.Size);
        Log.Resolved(_logger, image, resolved.ConfigDigest, resolved.ManifestDigest, resolved.Layers.Count, layerBytes);

        var unpacker = new LayerUnpacker(rootfs, new UnpackBudget(request.Limits), Environment.IsPrivilegedProcess);
        var (pullTime, unpackTime) = await PullAndUnpackAsync(reader, resolved, unpacker, progress, cancellationToken);
        unpacker.Complete();
        if (reader.LayersAreCopies && !_options.KeepBlobs)
        {
            TryDeleteDirectory(Path.Combine(workDirectory, "blobs"));
            TryDeleteDirectory(Path.Combine(workDirectory, "archive"));
        }

        var osRelease = OsRelease.ReadFromRoot(rootfs);
        var marker = new AcquisitionMarker(image, request.Platform.ToString(), resolved.ConfigDigest, resolved.ManifestDigest, resolved.RepoDigests,
            resolved.Platform.ToString(), resolved.Layers.Count, layerBytes, unpacker.FileBytes);
        marker.Write(workDirectory);
        progress?.Report(new AcquisitionProgress(AcquisitionPhase.Done, LayerCount: resolved.Layers.Count, BytesDone: layerBytes, BytesTotal: layerBytes));
        Log.Acquired(_logger, image, unpacker.FileBytes, total.Elapsed, osRelease);
        return new AcquiredImage
        {
            Source = request.Source,
            RootFileSystemPath = rootfs,
            ImageId = resolved.ConfigDigest,
            ManifestDigest = resolved.ManifestDigest,
            RepoDigests = resolved.RepoDigests,
            OsRelease = osRelease,
            Platform = resolved.Platform,
            LayerCount = resolved.Layers.Count,
            LayerBytes = layerBytes,
            UnpackedBytes = unpacker.FileBytes,
            Timings = new AcquisitionTimings { Resolve = resolveTime, Pull = pullTime, Unpack = unpackTime, Total = total.Elapsed },
        };
    }

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

    private IImageSourceReader CreateReader(ImageAcquisitionRequest request, string workDirectory, string blobDirectory) => request.Source.Kind switch
    {
        ImageSourceKind.Registry => new RegistryImageSource(request.Source.Reference!, request, blobDirectory, _options, _timeProvider, _logger),
        ImageSourceKind.OciLayout => new OciLayoutImageSource(request.Source.Path!, request.Source.Tag, request, _options),
        ImageSourceKind.DockerArchive => new DockerArchiveImageSource(request.Source.Path!, request.Source.Tag, Path.Combine(workDirectory, "archive"), request, _options),
        _ => throw new SourceException(ImageAcquisitionFailure.InvalidRequest, $"unknown source kind {request.Source.Kind}"),
    };

    private AcquiredImage? TryReuse(ImageAcquisitionRequest request, string image, string workDirectory, string rootfs)
    {
        var marker = AcquisitionMarker.TryRead(workDirectory);
        if (marker is null || marker.Source != image || marker.RequestedPlatform != request.Platform.ToString() || !Directory.Exists(rootfs))
        {
            return null;
        }

        Log.Reused(_logger, image, request.PullPolicy);
        return new AcquiredImage
        {
            Source = request.Source,
            RootFileSystemPath = rootfs,
            ImageId = marker.ImageId,
            ManifestDigest = marker.ManifestDigest,
            RepoDigests = marker.RepoDigests,
            OsRelease = OsRelease.ReadFromRoot(rootfs),
            Platform = ImagePlatform.Parse(marker.Platform),
            LayerCount = marker.LayerCount,
            LayerBytes = marker.LayerBytes,
            UnpackedBytes = marker.UnpackedBytes,
            Reused = true,
        };
    }

    private static ImageAcquisitionException? Translate(Exception ex, string image) => ex switch
    {
        ImageAcquisitionException => null,
        SourceException s => new ImageAcquisitionException(s.Failure, image, s.Message, s),
        LayerException l => new ImageAcquisitionException(l.Failure, image, l.Message, l),
        ManifestException m => new ImageAcquisitionException(ImageAcquisitionFailure.InvalidManifest, image, m.Message, m),
        OperationCanceledException => null,
        IOException or UnauthorizedAccessException => new ImageAcquisitionException(ImageAcquisitionFailure.Storage, image, "writing the work directory failed: " + ex.Message, ex),
        HttpRequestException h => new ImageAcquisitionException(ImageAcquisitionFailure.RegistryUnavailable, image, h.Message, h),
        _ => null,
    };

    private static void Cleanup(ImageAcquisitionRequest request)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrWhiteSpace(request.WorkDirectory))
        {
            return;
        }

        // A partial root filesystem must never be mistaken for an image.
        try
        {
            AcquisitionMarker.Delete(request.WorkDirectory);
            RootFileSystem.Delete(request.RootFileSystemPath);
            TryDeleteDirectory(Path.Combine(request.WorkDirectory, "blobs"));
            TryDeleteDirectory(Path.Combine(request.WorkDirectory, "archive"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more than the clean-up's.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftover blobs only cost disk space in a directory the caller owns.
        }
    }
}

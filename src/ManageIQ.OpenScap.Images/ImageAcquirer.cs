using System.Diagnostics;
using System.Runtime.Versioning;
using ManageIQ.OpenScap.Images.Sources;
using ManageIQ.OpenScap.Images.Unpacking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// The acquirer: resolves the source, downloads and verifies layers (several at once), and
/// unpacks them in order as each arrives, so downloading overlaps unpacking.
/// </summary>
public sealed partial class ImageAcquirer : IImageAcquirer
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
        catch (Exception ex)
        {
            // Whatever stopped it, a partial unpack is never left behind.
            Cleanup(request);
            if (ex is not OperationCanceledException && Translate(ex, image) is { } failure)
            {
                Log.Failed(_logger, ex, image, failure.Failure);
                throw failure;
            }

            throw;
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
        unpackTime += await ConfineLinksAsync(image, rootfs, request.Limits, cancellationToken);
        unpacker.Complete();
        if (reader.LayersAreCopies && !_options.KeepBlobs)
        {
            TryDeleteDirectory(Path.Combine(workDirectory, "blobs"));
            TryDeleteDirectory(Path.Combine(workDirectory, "archive"));
        }

        var osRelease = OsRelease.ReadFromRoot(rootfs);
        var marker = new AcquisitionMarker(image, request.Platform.ToString(), resolved.ConfigDigest, resolved.ManifestDigest, resolved.RepoDigests,
            resolved.Platform.ToString(), resolved.Layers.Count, layerBytes, unpacker.FileBytes, resolved.IndexDigest, LinksConfined: true);
        marker.Write(workDirectory);
        progress?.Report(new AcquisitionProgress(AcquisitionPhase.Done, LayerCount: resolved.Layers.Count, BytesDone: layerBytes, BytesTotal: layerBytes));
        Log.Acquired(_logger, image, unpacker.FileBytes, total.Elapsed, osRelease);
        return new AcquiredImage
        {
            Source = request.Source,
            RootFileSystemPath = rootfs,
            ImageId = resolved.ConfigDigest,
            ManifestDigest = resolved.ManifestDigest,
            IndexDigest = resolved.IndexDigest,
            RepoDigests = resolved.RepoDigests,
            OsRelease = osRelease,
            Platform = resolved.Platform,
            LayerCount = resolved.Layers.Count,
            LayerBytes = layerBytes,
            UnpackedBytes = unpacker.FileBytes,
            Timings = new AcquisitionTimings { Resolve = resolveTime, Pull = pullTime, Unpack = unpackTime, Total = total.Elapsed },
        };
    }
    /// <summary>
    /// Rewrites every symbolic link to lead inside the root, so no reader that does not chroot
    /// (oscap under OSCAP_PROBE_ROOT) can be led to the host's files. Done here, before the
    /// directory modes are applied (an unprivileged process must still write every directory)
    /// and before the marker is written, so a reused root was confined too.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private async Task<TimeSpan> ConfineLinksAsync(string image, string rootfs, UnpackLimits limits, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = await Task.Run(() => SymbolicLinkConfiner.Confine(rootfs, limits, Environment.IsPrivilegedProcess, cancellationToken), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.LinksConfined(_logger, image, report.Links, report.Rewritten, report.Dangling, report.Loops, elapsed);
        return elapsed;
    }
    private IImageSourceReader CreateReader(ImageAcquisitionRequest request, string workDirectory, string blobDirectory) => request.Source.Kind switch
    {
        ImageSourceKind.Registry => new RegistryImageSource(request.Source.Reference!, request, blobDirectory, _options, _timeProvider, _logger),
        ImageSourceKind.OciLayout => new OciLayoutImageSource(request.Source.Path!, request.Source.Tag, request, _options),
        ImageSourceKind.DockerArchive => new DockerArchiveImageSource(request.Source.Path!, request.Source.Tag, Path.Combine(workDirectory, "archive"), request, _options),
        _ => throw new SourceException(ImageAcquisitionFailure.InvalidRequest, $"unknown source kind {request.Source.Kind}"),
    };
}

using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Sources;
using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Images;

/// <summary>Reuse, clean-up and error translation around the work directory.</summary>
public sealed partial class ImageAcquirer
{
    private AcquiredImage? TryReuse(ImageAcquisitionRequest request, string image, string workDirectory, string rootfs)
    {
        var marker = AcquisitionMarker.TryRead(workDirectory);
        // A root unpacked before links were confined may still lead out of itself: unpack it again.
        if (marker is null || marker.Source != image || marker.RequestedPlatform != request.Platform.ToString() || !marker.LinksConfined || !Directory.Exists(rootfs))
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
            IndexDigest = marker.IndexDigest,
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

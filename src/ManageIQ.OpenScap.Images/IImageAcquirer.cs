namespace ManageIQ.OpenScap.Images;

/// <summary>Fetches an image from a registry or a local source and unpacks it into a root filesystem.</summary>
public interface IImageAcquirer
{
    /// <summary>Resolves, downloads, verifies and unpacks <paramref name="request"/>'s image.</summary>
    /// <exception cref="ImageAcquisitionException">Any failure; <see cref="ImageAcquisitionException.Failure"/> says which kind.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<AcquiredImage> AcquireAsync(ImageAcquisitionRequest request, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken);
}

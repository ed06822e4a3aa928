namespace ManageIQ.OpenScap.Images;

/// <summary>
/// Acquisition failed. The message names the image and what failed; it never carries a credential.
/// </summary>
public sealed class ImageAcquisitionException : Exception
{
    public ImageAcquisitionException()
    {
    }

    public ImageAcquisitionException(string message)
        : base(message)
    {
    }

    public ImageAcquisitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageAcquisitionException(ImageAcquisitionFailure failure, string image, string message, Exception? innerException = null)
        : base($"Image {image}: {message}", innerException)
    {
        Failure = failure;
        Image = image;
    }

    public ImageAcquisitionFailure Failure { get; } = ImageAcquisitionFailure.InvalidRequest;

    /// <summary>The image source as given, when known.</summary>
    public string? Image { get; }
}

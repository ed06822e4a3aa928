namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>A layer that is unsafe, malformed or over a limit; the acquirer adds the image and layer.</summary>
internal sealed class LayerException : Exception
{
    public LayerException()
    {
    }

    public LayerException(string message)
        : base(message)
    {
    }

    public LayerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LayerException(ImageAcquisitionFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ImageAcquisitionFailure Failure { get; } = ImageAcquisitionFailure.UnsafeLayer;
}

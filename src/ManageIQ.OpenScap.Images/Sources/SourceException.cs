namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>A failure of a source (registry, layout, archive); the acquirer adds the image name.</summary>
internal sealed class SourceException : Exception
{
    public SourceException()
    {
    }

    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceException(ImageAcquisitionFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ImageAcquisitionFailure Failure { get; } = ImageAcquisitionFailure.InvalidRequest;
}

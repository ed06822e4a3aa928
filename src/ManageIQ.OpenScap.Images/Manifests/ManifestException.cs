namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>A malformed or unsupported manifest, index, configuration or archive index.</summary>
internal sealed class ManifestException : Exception
{
    public ManifestException()
    {
    }

    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

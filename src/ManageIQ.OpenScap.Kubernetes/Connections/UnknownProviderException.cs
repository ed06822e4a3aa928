namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>A ManageIQ provider that no configured cluster serves.</summary>
public sealed class UnknownProviderException : Exception
{
    public UnknownProviderException()
    {
    }

    public UnknownProviderException(string message)
        : base(message)
    {
    }

    public UnknownProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

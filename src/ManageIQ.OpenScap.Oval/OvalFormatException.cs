namespace ManageIQ.OpenScap.Oval;

/// <summary>The feed is not an OVAL definitions document the slimmer can read, or is over one of its limits.</summary>
public sealed class OvalFormatException : Exception
{
    public OvalFormatException()
    {
    }

    public OvalFormatException(string message)
        : base(message)
    {
    }

    public OvalFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace ManageIQ.OpenScap.Vex;

/// <summary>A VEX feed or document is not what CSAF 2.0 describes, or is over a limit; the message names the document and field.</summary>
public sealed class VexFormatException : Exception
{
    public VexFormatException()
    {
    }

    public VexFormatException(string message)
        : base(message)
    {
    }

    public VexFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

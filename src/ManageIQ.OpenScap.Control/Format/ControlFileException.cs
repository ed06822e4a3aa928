namespace ManageIQ.OpenScap.Control.Format;

/// <summary>A policy file that ManageIQ's importer, or the bridge, cannot read; the message names the file and the place.</summary>
public sealed class ControlFileException : Exception
{
    public ControlFileException()
    {
    }

    public ControlFileException(string message)
        : base(message)
    {
    }

    public ControlFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

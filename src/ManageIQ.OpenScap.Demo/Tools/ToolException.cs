namespace ManageIQ.OpenScap.Demo.Tools;

/// <summary>A program the demo needs failed, did not start, or passed its deadline; the message says which and why.</summary>
public sealed class ToolException : Exception
{
    public ToolException()
    {
    }

    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

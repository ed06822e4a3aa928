namespace ManageIQ.OpenScap.Control.Tests.Ruby;

/// <summary>Psych refused a file.</summary>
internal sealed class RubyLoadException : Exception
{
    public RubyLoadException()
    {
    }

    public RubyLoadException(string message)
        : base(message)
    {
    }

    public RubyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

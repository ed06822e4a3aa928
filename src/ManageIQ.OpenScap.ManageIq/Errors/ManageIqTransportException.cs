namespace ManageIQ.OpenScap.ManageIq.Errors;

/// <summary>No answer: the connection failed, was dropped, or the request timed out (after any retries).</summary>
public sealed class ManageIqTransportException : ManageIqException
{
    public ManageIqTransportException()
    {
    }

    public ManageIqTransportException(string message)
        : base(message)
    {
    }

    public ManageIqTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public bool TimedOut { get; init; }
}

namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>A start gate refused the start for good (an unsupported ManageIQ, a missing product feature): the message is one line for the operator.</summary>
public sealed class ServiceStartRefusedException : Exception
{
    public ServiceStartRefusedException()
    {
    }

    public ServiceStartRefusedException(string message)
        : base(message)
    {
    }

    public ServiceStartRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

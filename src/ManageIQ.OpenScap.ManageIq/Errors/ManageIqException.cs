namespace ManageIQ.OpenScap.ManageIq.Errors;

/// <summary>A failed call to the ManageIQ API. Messages name the request, never a credential.</summary>
public class ManageIqException : Exception
{
    public ManageIqException()
    {
    }

    public ManageIqException(string message)
        : base(message)
    {
    }

    public ManageIqException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request, e.g. <c>GET /api/container_images</c>.</summary>
    public string? Request { get; init; }
}

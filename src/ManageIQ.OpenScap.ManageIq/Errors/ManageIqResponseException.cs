using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Errors;

/// <summary>
/// An answer the client cannot use: a non-JSON body (an HTML page from a proxy) or JSON of the wrong shape.
/// </summary>
public sealed class ManageIqResponseException : ManageIqException
{
    public ManageIqResponseException()
    {
    }

    public ManageIqResponseException(string message)
        : base(message)
    {
    }

    public ManageIqResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; init; }

    public string? ContentType { get; init; }
}

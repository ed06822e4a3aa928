using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Errors;

/// <summary>ManageIQ answered with an error: its status and, from the error body, <c>kind</c>, <c>message</c> and <c>klass</c>.</summary>
public sealed class ManageIqApiException : ManageIqException
{
    public ManageIqApiException()
    {
    }

    public ManageIqApiException(string message)
        : base(message)
    {
    }

    public ManageIqApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ManageIqApiException(HttpStatusCode statusCode, string? kind, string serverMessage, string? klass, string request)
        : base($"{request} failed with {(int)statusCode} {kind ?? statusCode.ToString()}: {serverMessage}")
    {
        StatusCode = statusCode;
        Kind = kind;
        ServerMessage = serverMessage;
        Klass = klass;
        Request = request;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>ManageIQ's <c>error.kind</c> (<c>bad_request</c>, <c>not_found</c>, ...); null for an action result.</summary>
    public string? Kind { get; }

    /// <summary>ManageIQ's <c>error.message</c> (or an action result's <c>message</c>), credentials removed.</summary>
    public string ServerMessage { get; } = string.Empty;

    /// <summary>ManageIQ's <c>error.klass</c>, the Ruby exception class.</summary>
    public string? Klass { get; }
}

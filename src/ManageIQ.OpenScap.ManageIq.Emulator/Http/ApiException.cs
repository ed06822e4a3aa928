using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>An error rendered in ManageIQ's envelope <c>{"error":{"kind","message","klass"}}</c>.</summary>
public sealed class ApiException : Exception
{
    public ApiException(HttpStatusCode status, string message, string klass)
        : base(message)
    {
        Status = status;
        Klass = klass;
    }

    public HttpStatusCode Status { get; }

    public string Klass { get; }

    /// <summary>The Rails status symbol ManageIQ puts in <c>kind</c>.</summary>
    public string Kind => Status switch
    {
        HttpStatusCode.BadRequest => "bad_request",
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.UnsupportedMediaType => "unsupported_media_type",
        _ => "internal_server_error",
    };

    public static ApiException BadRequest(string message) => new(HttpStatusCode.BadRequest, message, "Api::BadRequestError");

    public static ApiException Forbidden(string message) => new(HttpStatusCode.Forbidden, message, "Api::ForbiddenError");

    public static ApiException Unauthorized(string message, string klass = "Api::AuthenticationError") => new(HttpStatusCode.Unauthorized, message, klass);

    /// <summary>ActiveRecord's 404: <c>Couldn't find ContainerImage with 'id'=7</c>.</summary>
    public static ApiException RecordNotFound(string klass, string id) =>
        new(HttpStatusCode.NotFound, $"Couldn't find {klass} with 'id'={id}", "ActiveRecord::RecordNotFound");
}

using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// What one HTTP attempt gave: an answer (status, content type, body) or a transport failure. A successful
/// JSON answer may have been read straight into a model instead (<see cref="Streamed"/>, with no <c>Content</c>).
/// </summary>
internal sealed record AttemptOutcome(HttpStatusCode Status, string? ContentType, string? Content, Exception? Failure, bool TimedOut, StreamedBody? Streamed = null)
{
    public bool Answered => Failure is null && Status != 0;

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsRetryableStatus => Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}

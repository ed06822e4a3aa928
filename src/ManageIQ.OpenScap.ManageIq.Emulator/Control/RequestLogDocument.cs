using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>
/// A recorded request as <c>GET /emulator/requests</c> shows it: <c>method</c>, <c>path</c>, <c>query</c> (as sent,
/// still URL-encoded, without the <c>?</c>), <c>status</c> (0 when no answer was sent), <c>time</c>, the
/// <c>fault</c> that hit it and the body's <c>action</c>.
/// </summary>
internal static class RequestLogDocument
{
    public static JObject Render(RecordedRequest request) => new()
    {
        ["method"] = request.Method,
        ["path"] = request.Path,
        ["query"] = request.Query.StartsWith('?') ? request.Query[1..] : request.Query,
        ["status"] = request.Status,
        ["time"] = request.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["fault"] = request.Fault,
        ["action"] = request.Action,
    };
}

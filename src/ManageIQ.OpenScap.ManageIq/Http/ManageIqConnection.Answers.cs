using ManageIQ.OpenScap.ManageIq.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>Reading answers: JSON bodies, ManageIQ's error envelope, failed action results, and everything else.</summary>
internal sealed partial class ManageIqConnection
{
    private const int SnippetLength = 200;

    private JToken? Parse(ApiRequest request, AttemptOutcome outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome.Content))
        {
            return null;
        }

        if (!LooksLikeJson(outcome))
        {
            throw new ManageIqResponseException($"{request.Describe} answered {(int)outcome.Status} with {outcome.ContentType ?? "no content type"} instead of JSON: {Snippet(outcome.Content)}")
            {
                StatusCode = outcome.Status,
                ContentType = outcome.ContentType,
                Request = request.Describe,
            };
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(outcome.Content)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            throw new ManageIqResponseException($"{request.Describe} answered {(int)outcome.Status} with malformed JSON: {Scrub(e.Message)}", e)
            {
                StatusCode = outcome.Status,
                ContentType = outcome.ContentType,
                Request = request.Describe,
            };
        }
    }

    private ManageIqException Failure(ApiRequest request, AttemptOutcome outcome)
    {
        JToken? body = null;
        if (LooksLikeJson(outcome))
        {
            try
            {
                body = Parse(request, outcome);
            }
            catch (ManageIqResponseException)
            {
                body = null;
            }
        }

        if (body is JObject { } json)
        {
            if (json["error"] is JObject error)
            {
                return new ManageIqApiException(outcome.Status, error.Value<string>("kind"), Scrub(error.Value<string>("message") ?? string.Empty), error.Value<string>("klass"), request.Describe);
            }

            var failed = json.Value<bool?>("success") == false ? json : (json["results"] as JArray)?.OfType<JObject>().FirstOrDefault(r => r.Value<bool?>("success") == false);
            if (failed is not null)
            {
                return new ManageIqApiException(outcome.Status, null, Scrub(failed.Value<string>("message") ?? "action failed"), null, request.Describe);
            }
        }

        return new ManageIqResponseException($"{request.Describe} failed with {(int)outcome.Status} and no ManageIQ error body ({outcome.ContentType ?? "no content type"}): {Snippet(outcome.Content)}")
        {
            StatusCode = outcome.Status,
            ContentType = outcome.ContentType,
            Request = request.Describe,
        };
    }

    private static ManageIqTransportException TransportFailure(ApiRequest request, AttemptOutcome outcome, int retries)
    {
        var what = outcome.TimedOut ? "timed out" : $"got no answer ({outcome.Failure?.GetType().Name}: {outcome.Failure?.Message})";
        return new ManageIqTransportException($"{request.Describe} {what} after {retries + 1} attempt(s).", outcome.Failure)
        {
            TimedOut = outcome.TimedOut,
            Request = request.Describe,
        };
    }

    private static bool LooksLikeJson(AttemptOutcome outcome) =>
        outcome.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || (outcome.ContentType is null && outcome.Content?.TrimStart() is ['{' or '[', ..]);

    private string Snippet(string? content)
    {
        var text = (content ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return Scrub(text.Length > SnippetLength ? text[..SnippetLength] + "..." : text);
    }

    private string Scrub(string text) => Redactor.Scrub(text, [.. _credentials.Secrets, .. _seenTokens.Keys]);
}

using System.Globalization;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>Reads a control request's JSON body strictly: an object, known fields only, each of the expected type and range.</summary>
internal static class ControlBody
{
    /// <summary>The body as an object; an empty body is an empty object.</summary>
    public static JObject Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new ControlException(HttpStatusCode.BadRequest, "The body holds more than one JSON value.");
            }

            return token as JObject ?? throw new ControlException(HttpStatusCode.BadRequest, "The body must be a JSON object.");
        }
        catch (JsonReaderException e)
        {
            throw new ControlException(HttpStatusCode.BadRequest, $"The body is not valid JSON: {e.Message}");
        }
    }

    public static void RejectUnknown(JObject body, IReadOnlyCollection<string> known)
    {
        foreach (var property in body.Properties().Where(p => !known.Contains(p.Name)))
        {
            throw ControlException.BadField(property.Name, $"Unknown field '{property.Name}'; the fields are {string.Join(", ", known)}.");
        }
    }

    /// <summary>A string of at most <paramref name="maxLength"/> characters, or null when absent or null.</summary>
    public static string? OptionalString(JObject body, string field, int maxLength = 4096)
    {
        var token = body[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            throw ControlException.BadField(field, $"'{field}' must be a string.");
        }

        var value = token.Value<string>()!;
        return value.Length <= maxLength ? value : throw ControlException.BadField(field, $"'{field}' is longer than {maxLength} characters.");
    }

    public static string RequiredString(JObject body, string field, int maxLength = 4096) =>
        OptionalString(body, field, maxLength) is { Length: > 0 } value ? value : throw ControlException.BadField(field, $"'{field}' is required and must be a non-empty string.");

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public static long? OptionalInteger(JObject body, string field, long min, long max)
    {
        var token = body[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token is JValue { Type: JTokenType.Integer, Value: long value } && value >= min && value <= max
            ? value
            : throw ControlException.BadField(field, $"'{field}' must be a whole number from {min} to {max}.");
    }

    /// <summary>A row id given as a number or as ManageIQ renders ids, a string of digits; null when absent.</summary>
    public static long? OptionalId(JObject body, string field)
    {
        var token = body[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token switch
        {
            JValue { Type: JTokenType.Integer, Value: long number } when number > 0 => number,
            JValue { Type: JTokenType.String } when long.TryParse(token.Value<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 => id,
            _ => throw ControlException.BadField(field, $"'{field}' must be a positive id, as a number or a string of digits."),
        };
    }
}

using ManageIQ.OpenScap.ManageIq.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>Maps ManageIQ's snake_case JSON (ids as strings) to the models, naming the request when the shape is wrong.</summary>
internal static class Json
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        Converters = [new ContainerImageConverter()],
    });

    public static T To<T>(JToken? token, string request)
    {
        if (token is not JObject)
        {
            throw new ManageIqResponseException($"{request} answered {token?.Type.ToString() ?? "nothing"} where a {typeof(T).Name} object was expected.") { Request = request };
        }

        try
        {
            return token.ToObject<T>(Serializer) ?? throw new JsonSerializationException("null");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new ManageIqResponseException($"{request} answered a {typeof(T).Name} that cannot be read: {e.Message}", e) { Request = request };
        }
    }

    /// <summary>Deserializes a JSON text without building a tree (collection pages are large).</summary>
    public static T Read<T>(string json, string request)
    {
        using var text = new StringReader(json);
        return Read<T>(text, request) ?? throw new ManageIqResponseException($"{request} answered JSON that cannot be read as {typeof(T).Name}: null") { Request = request };
    }

    /// <summary>
    /// Deserializes JSON text as it arrives (a 1000-member page is never held as one string);
    /// null when the text holds no JSON token at all.
    /// </summary>
    public static T? Read<T>(TextReader text, string request)
    {
        try
        {
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, ArrayPool = CharPool.Instance, CloseInput = false };
            if (!reader.Read())
            {
                return default;
            }

            return Serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException("null");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new ManageIqResponseException($"{request} answered JSON that cannot be read as {typeof(T).Name}: {e.Message}", e) { Request = request };
        }
    }

    /// <summary>The <c>results</c> array of a POST answer.</summary>
    public static JArray Results(JToken? answer, string request) =>
        (answer as JObject)?["results"] as JArray
        ?? throw new ManageIqResponseException($"{request} answered without a results array.") { Request = request };

    /// <summary>The <c>resources</c> array of a collection answer.</summary>
    public static JArray Resources(JToken? answer, string request) =>
        (answer as JObject)?["resources"] as JArray
        ?? throw new ManageIqResponseException($"{request} answered without a resources array.") { Request = request };
}

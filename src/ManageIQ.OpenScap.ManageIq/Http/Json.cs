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

    /// <summary>One member of a collection, the reader positioned on its first token.</summary>
    public static T? ReadMember<T>(JsonReader reader) => Serializer.Deserialize<T>(reader);

    /// <summary>The <c>results</c> array of a POST answer.</summary>
    public static JArray Results(JToken? answer, string request) =>
        (answer as JObject)?["results"] as JArray
        ?? throw new ManageIqResponseException($"{request} answered without a results array.") { Request = request };

    /// <summary>The <c>resources</c> array of a collection answer.</summary>
    public static JArray Resources(JToken? answer, string request) =>
        (answer as JObject)?["resources"] as JArray
        ?? throw new ManageIqResponseException($"{request} answered without a resources array.") { Request = request };
}

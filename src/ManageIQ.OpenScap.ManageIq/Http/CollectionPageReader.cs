using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// Reads one collection page as it arrives, member by member, without the serializer's list machinery.
/// The counts come before <c>resources</c> in ManageIQ's answer; they are reported as soon as the members
/// start, so the next page can be requested while this one is still being read.
/// </summary>
internal static class CollectionPageReader
{
    private static readonly DefaultJsonNameTable Names = CreateNames();

    /// <summary>The page, or null when the text holds no JSON at all.</summary>
    public static CollectionPage<T>? Read<T>(TextReader text, string request, Action<PageCounts>? countsKnown)
    {
        try
        {
            using var reader = new JsonTextReader(text)
            {
                DateParseHandling = DateParseHandling.None,
                ArrayPool = CharPool.Instance,
                CloseInput = false,
                PropertyNameTable = Names,
            };
            return reader.Read() ? Page<T>(reader, countsKnown) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new ManageIqResponseException($"{request} answered JSON that cannot be read as {typeof(CollectionPage<T>).Name}: {e.Message}", e) { Request = request };
        }
    }

    private static CollectionPage<T> Page<T>(JsonReader reader, Action<PageCounts>? countsKnown)
    {
        Expect(reader, JsonToken.StartObject, "a collection page object");
        var page = new CollectionPage<T>();
        while (Next(reader) == JsonToken.PropertyName)
        {
            var property = (string)reader.Value!;
            Next(reader);
            switch (property)
            {
                case "count": page.Count = Count(reader); break;
                case "subcount": page.Subcount = Count(reader); break;
                case "subquery_count": page.SubqueryCount = Count(reader); break;
                case "resources":
                    countsKnown?.Invoke(new PageCounts(page.Count, page.Subcount, page.SubqueryCount));
                    page.Resources = Members<T>(reader);
                    break;
                case "links": page.Links = Links(reader); break;
                default: reader.Skip(); break;
            }
        }

        Expect(reader, JsonToken.EndObject, "the end of the page");
        return page;
    }

    private static List<T>? Members<T>(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        Expect(reader, JsonToken.StartArray, "a resources array");
        var members = new List<T>();
        var read = MemberReader<T>.Read;
        while (Next(reader) != JsonToken.EndArray)
        {
            members.Add(read(reader)!);
        }

        return members;
    }

    private static CollectionPageLinks? Links(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        Expect(reader, JsonToken.StartObject, "a links object");
        var links = new CollectionPageLinks();
        while (Next(reader) == JsonToken.PropertyName)
        {
            var property = (string)reader.Value!;
            Next(reader);
            if (property == "next" && reader.TokenType == JsonToken.String)
            {
                links.Next = new Uri((string)reader.Value!, UriKind.RelativeOrAbsolute);
            }
            else
            {
                reader.Skip();
            }
        }

        Expect(reader, JsonToken.EndObject, "the end of the links");
        return links;
    }

    private static int? Count(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.Integer => Convert.ToInt32(reader.Value, CultureInfo.InvariantCulture),
        JsonToken.String => int.Parse((string)reader.Value!, NumberStyles.None, CultureInfo.InvariantCulture),
        _ => throw new JsonSerializationException($"Expected a count at {reader.Path}, found {reader.TokenType}."),
    };

    /// <summary>The next token; running out of text inside the page is an error, not an end.</summary>
    private static JsonToken Next(JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonSerializationException($"Unexpected end of the answer at {reader.Path}.");

    private static void Expect(JsonReader reader, JsonToken token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonSerializationException($"Expected {what} at {reader.Path}, found {reader.TokenType}.");
        }
    }

    /// <summary>Member and page property names, so the reader hands out shared strings instead of new ones.</summary>
    private static DefaultJsonNameTable CreateNames()
    {
        var names = new DefaultJsonNameTable();
        foreach (var name in (string[])["count", "subcount", "subquery_count", "pages", "name", "resources", "actions", "links", "next", "self", "first", "last", "previous", "href", "id", .. ContainerImageConverter.PropertyNames])
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>How one member of type <typeparamref name="T"/> is read: container images by hand, the rest by the serializer.</summary>
    private static class MemberReader<T>
    {
        public static readonly Func<JsonReader, T?> Read = typeof(T) == typeof(ContainerImage)
            ? (Func<JsonReader, T?>)(object)(Func<JsonReader, ContainerImage?>)ContainerImageConverter.Read
            : Json.ReadMember<T>;
    }
}

using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// Reads container images without reflection: listings carry tens of thousands of them, and this is the
/// client's hot path. Unknown members are skipped; ids may be strings (as ManageIQ renders them) or numbers.
/// </summary>
internal sealed class ContainerImageConverter : JsonConverter<ContainerImage>
{
    public override bool CanWrite => false;

    public override void WriteJson(JsonWriter writer, ContainerImage? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Container images are never sent to ManageIQ.");

    /// <summary>The member names this converter reads (for a reader's name table).</summary>
    public static IReadOnlyList<string> PropertyNames { get; } =
    [
        "id", "href", "name", "tag", "digest", "image_ref", "type", "architecture", "ems_id", "container_image_registry_id",
        "last_scan_attempt_on", "last_sync_on", "registered_on", "created_on", "deleted_on", "container_image_registry", "host", "port",
    ];

    public override ContainerImage? ReadJson(JsonReader reader, Type objectType, ContainerImage? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        Read(reader);

    /// <summary>Reads the image the reader is positioned on (its start token) up to its end token.</summary>
    public static ContainerImage? Read(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"Expected a container image object, found {reader.TokenType} at {reader.Path}.");
        }

        long id = 0;
        string name = string.Empty;
        string? href = null, tag = null, digest = null, imageRef = null, type = null, architecture = null;
        long? emsId = null, registryId = null;
        DateTimeOffset? lastScan = null, lastSync = null, registered = null, created = null, deleted = null;
        ContainerImageRegistry? registry = null;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var property = (string)reader.Value!;
            reader.Read();
            switch (property)
            {
                case "id": id = Id(reader) ?? 0; break;
                case "href": href = Text(reader); break;
                case "name": name = Text(reader) ?? string.Empty; break;
                case "tag": tag = Text(reader); break;
                case "digest": digest = Text(reader); break;
                case "image_ref": imageRef = Text(reader); break;
                case "type": type = Text(reader); break;
                case "architecture": architecture = Text(reader); break;
                case "ems_id": emsId = Id(reader); break;
                case "container_image_registry_id": registryId = Id(reader); break;
                case "last_scan_attempt_on": lastScan = Time(reader); break;
                case "last_sync_on": lastSync = Time(reader); break;
                case "registered_on": registered = Time(reader); break;
                case "created_on": created = Time(reader); break;
                case "deleted_on": deleted = Time(reader); break;
                case "container_image_registry": registry = Registry(reader); break;
                default: reader.Skip(); break;
            }
        }

        EndOf(reader, "container image");

        return new ContainerImage
        {
            Id = id,
            Href = href is null ? null : new Uri(href),
            Name = name,
            Tag = tag,
            Digest = digest,
            ImageRef = imageRef,
            Type = type,
            Architecture = architecture,
            EmsId = emsId,
            ContainerImageRegistryId = registryId,
            ContainerImageRegistry = registry,
            LastScanAttemptOn = lastScan,
            LastSyncOn = lastSync,
            RegisteredOn = registered,
            CreatedOn = created,
            DeletedOn = deleted,
        };
    }

    private static string? Text(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => (string)reader.Value!,
        JsonToken.StartObject or JsonToken.StartArray => throw new JsonSerializationException($"Expected text at {reader.Path}."),
        _ => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
    };

    private static long? Id(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.Integer => Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture),
        JsonToken.String when long.TryParse((string)reader.Value!, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => throw new JsonSerializationException($"Expected an id at {reader.Path}, found '{reader.Value}'."),
    };

    private static ContainerImageRegistry? Registry(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"Expected a registry object at {reader.Path}.");
        }

        long id = 0;
        string? name = null, host = null, port = null;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var property = (string)reader.Value!;
            reader.Read();
            switch (property)
            {
                case "id": id = Id(reader) ?? 0; break;
                case "name": name = Text(reader); break;
                case "host": host = Text(reader); break;
                case "port": port = Text(reader); break;
                default: reader.Skip(); break;
            }
        }

        EndOf(reader, "registry");

        return new ContainerImageRegistry { Id = id, Name = name, Host = host, Port = port };
    }

    /// <summary>An object cut short (the text ran out) is an error, not a member with fewer fields.</summary>
    private static void EndOf(JsonReader reader, string what)
    {
        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonSerializationException($"Unexpected end of a {what} at {reader.Path}.");
        }
    }

    private static DateTimeOffset? Time(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String when IsoUtc.TryParse((string)reader.Value!, out var time) => time,
        JsonToken.String when DateTimeOffset.TryParse((string)reader.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        JsonToken.Date when reader.Value is DateTimeOffset time => time,
        JsonToken.Date when reader.Value is DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => throw new JsonSerializationException($"Expected an ISO 8601 time at {reader.Path}, found '{reader.Value}'."),
    };
}

using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.State.Results;

/// <summary>
/// The columns holding a result's attributes (<c>[{"name","value","field_type"}]</c>, section always metadata)
/// and artifacts (<c>{"kind": "path"}</c>) as JSON text.
/// </summary>
internal static class ResultJson
{
    public static string WriteAttributes(IReadOnlyList<CustomAttributeInput> attributes) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var attribute in attributes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", attribute.Name);
            writer.WriteString("value", attribute.Value);
            if (attribute.FieldType is not null)
            {
                writer.WriteString("field_type", attribute.FieldType);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<CustomAttributeInput> ReadAttributes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attributes = new List<CustomAttributeInput>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var fieldType = item.TryGetProperty("field_type", out var type) ? type.GetString() : null;
            attributes.Add(new CustomAttributeInput(item.GetProperty("name").GetString()!, item.GetProperty("value").GetString()!, CustomAttributeInput.MetadataSection, fieldType));
        }

        return attributes;
    }

    public static string WriteArtifacts(IReadOnlyDictionary<string, string> artifacts) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (kind, path) in artifacts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WriteString(kind, path);
        }

        writer.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, string> ReadArtifacts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

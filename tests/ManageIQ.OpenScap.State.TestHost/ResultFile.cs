using System.Text.Json.Nodes;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.State.TestHost;

/// <summary>A <see cref="ScanResultRecord"/> as a JSON file, handed from a test to the child process.</summary>
public static class ResultFile
{
    public static void Write(string path, ScanResultRecord result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = new JsonObject
        {
            ["imageId"] = result.ImageId,
            ["digest"] = result.Digest,
            ["scanId"] = result.ScanId,
            ["scannedOn"] = result.ScannedOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = result.Status,
            ["content"] = result.ContentFingerprint,
            ["attributes"] = new JsonArray([.. result.Attributes.Select(a => new JsonObject { ["name"] = a.Name, ["value"] = a.Value, ["fieldType"] = a.FieldType })]),
            ["artifacts"] = new JsonObject([.. result.Artifacts.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
        };
        File.WriteAllText(path, json.ToJsonString());
    }

    public static ScanResultRecord Read(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new ScanResultRecord
        {
            ImageId = json["imageId"]!.GetValue<long>(),
            Digest = json["digest"]?.GetValue<string>(),
            ScanId = json["scanId"]!.GetValue<string>(),
            ScannedOn = DateTimeOffset.Parse(json["scannedOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Status = json["status"]!.GetValue<string>(),
            ContentFingerprint = json["content"]!.GetValue<string>(),
            Attributes = [.. json["attributes"]!.AsArray().Select(a => new CustomAttributeInput(
                a!["name"]!.GetValue<string>(), a["value"]!.GetValue<string>(), CustomAttributeInput.MetadataSection, a["fieldType"]?.GetValue<string>()))],
            Artifacts = json["artifacts"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
        };
    }
}

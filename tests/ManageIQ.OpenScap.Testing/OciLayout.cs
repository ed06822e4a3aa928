using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>Writes blobs and index.json entries of an OCI image layout.</summary>
public static class OciLayout
{
    public static void Add(string directory, string? tag, string mediaType, byte[] manifest, IEnumerable<byte[]> blobs, JsonObject extraAnnotations)
    {
        ArgumentNullException.ThrowIfNull(extraAnnotations);
        var blobDirectory = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobDirectory);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        foreach (var blob in blobs.Append(manifest))
        {
            File.WriteAllBytes(Path.Combine(blobDirectory, BuiltLayer.Sha256(blob)["sha256:".Length..]), blob);
        }

        var indexPath = Path.Combine(directory, "index.json");
        var index = File.Exists(indexPath)
            ? JsonNode.Parse(File.ReadAllText(indexPath))!.AsObject()
            : new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["manifests"] = new JsonArray() };
        var entry = new JsonObject { ["mediaType"] = mediaType, ["digest"] = BuiltLayer.Sha256(manifest), ["size"] = manifest.Length };
        if (tag is not null)
        {
            var annotations = (JsonObject)extraAnnotations.DeepClone();
            annotations["org.opencontainers.image.ref.name"] = tag;
            entry["annotations"] = annotations;
        }

        index["manifests"]!.AsArray().Add(entry);
        File.WriteAllText(indexPath, index.ToJsonString());
    }
}

using System.Formats.Tar;
using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>A built single-platform image; it can be written as an OCI layout or a docker-save archive.</summary>
public sealed record BuiltImage(byte[] Config, byte[] Manifest, string ManifestMediaType, IReadOnlyList<BuiltLayer> Layers, string Os, string Architecture, string? Variant)
{
    public const string OciManifestType = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>The image id.</summary>
    public string ConfigDigest => BuiltLayer.Sha256(Config);

    public string ManifestDigest => BuiltLayer.Sha256(Manifest);

    /// <summary>Writes (or adds to) an OCI image layout at <paramref name="directory"/>, tagged <paramref name="tag"/>.</summary>
    public void WriteOciLayout(string directory, string? tag) =>
        OciLayout.Add(directory, tag, ManifestMediaType, Manifest, [Config, .. Layers.Select(l => l.Blob)], new JsonObject());

    /// <summary>Writes a <c>docker save</c> archive: manifest.json, &lt;id&gt;.json and uncompressed &lt;n&gt;/layer.tar.</summary>
    public void WriteDockerArchive(string path, string repoTag)
    {
        using var file = File.Create(path);
        using var writer = new TarWriter(file, TarEntryFormat.Ustar);
        var hex = ConfigDigest["sha256:".Length..];
        var layerNames = new List<string>();
        for (var i = 0; i < Layers.Count; i++)
        {
            var name = $"{i:D3}{hex[..8]}/layer.tar";
            layerNames.Add(name);
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, $"{i:D3}{hex[..8]}/"));
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Layers[i].Source.ToTar()) });
        }

        writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, hex + ".json") { DataStream = new MemoryStream(Config) });
        var manifest = new JsonArray(new JsonObject
        {
            [nameof(Config)] = hex + ".json",
            ["RepoTags"] = new JsonArray(repoTag),
            [nameof(Layers)] = new JsonArray([.. layerNames.Select(n => (JsonNode)JsonValue.Create(n)!)]),
        });
        writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString())) });
    }
}

using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>Builds an image (configuration, layers, manifest) from test layers, without any daemon.</summary>
public sealed class TestImage(TestManifestFormat format = TestManifestFormat.Oci, string os = "linux", string architecture = "amd64", string? variant = null)
{
    private readonly List<BuiltLayer> _layers = [];

    public TestManifestFormat Format => format;

    public TestImage Layer(TestLayer layer, TestLayerCompression compression = TestLayerCompression.Gzip)
    {
        _layers.Add(BuiltLayer.Build(layer, compression, format));
        return this;
    }

    public TestImage Layer(BuiltLayer layer)
    {
        _layers.Add(layer);
        return this;
    }

    public BuiltImage Build()
    {
        var docker = format == TestManifestFormat.DockerV2;
        var config = new JsonObject
        {
            ["created"] = "2024-01-01T00:00:00Z",
            ["architecture"] = architecture,
            ["os"] = os,
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/bin/sh") },
            ["rootfs"] = new JsonObject
            {
                ["type"] = "layers",
                ["diff_ids"] = new JsonArray([.. _layers.Select(l => (JsonNode)JsonValue.Create(l.DiffId)!)]),
            },
        };
        if (variant is not null)
        {
            config["variant"] = variant;
        }

        var configBytes = System.Text.Encoding.UTF8.GetBytes(config.ToJsonString());
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = docker ? BuiltImage.DockerManifestType : BuiltImage.OciManifestType,
            ["config"] = new JsonObject
            {
                ["mediaType"] = docker ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json",
                ["digest"] = BuiltLayer.Sha256(configBytes),
                ["size"] = configBytes.Length,
            },
            ["layers"] = new JsonArray([.. _layers.Select(l => (JsonNode)new JsonObject
            {
                ["mediaType"] = l.MediaType,
                ["digest"] = l.Digest,
                ["size"] = l.Size,
            })]),
        };
        var manifestBytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return new BuiltImage(configBytes, manifestBytes, docker ? BuiltImage.DockerManifestType : BuiltImage.OciManifestType, [.. _layers], os, architecture, variant);
    }
}

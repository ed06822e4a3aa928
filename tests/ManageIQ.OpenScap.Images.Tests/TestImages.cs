using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests;

/// <summary>The images the acquisition tests build: a Debian-like base and upper layers with whiteouts.</summary>
internal static class TestImages
{
    /// <summary>Three layers: a synthetic Debian 12 root (gzip), a layer with whiteouts (gzip), a zstd layer.</summary>
    public static BuiltImage Debian(TestManifestFormat format, string architecture = "amd64", string marker = "amd64")
    {
        using var root = new TempDirectory();
        SyntheticDebianRoot.Write(root.Path);
        Directory.CreateDirectory(root.Combine("var", "cache", "apt"));
        File.WriteAllText(root.Combine("var", "cache", "apt", "pkgcache.bin"), "cache");
        File.WriteAllText(root.Combine("etc", "issue.net"), "Debian GNU/Linux 12\n");
        var image = new TestImage(format, architecture: architecture, variant: architecture == "arm64" ? "v8" : null)
            .Layer(TestLayer.FromDirectory(root.Path))
            .Layer(new TestLayer().Whiteout("etc/issue.net").OpaqueWhiteout("var/cache/apt").File("var/cache/apt/fresh", "fresh").File("etc/layer2.txt", "layer 2\n"))
            .Layer(new TestLayer().File("etc/platform-marker", marker).Symlink("usr/bin/awk", "/etc/alternatives/awk"),
                format == TestManifestFormat.Oci ? TestLayerCompression.Zstd : TestLayerCompression.Gzip);
        return image.Build();
    }
}

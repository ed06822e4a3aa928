using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>Writes test layers as blob files for the unpacker.</summary>
internal static class LayerFiles
{
    public static string Write(TempDirectory directory, TestLayer layer, TestLayerCompression compression = TestLayerCompression.Gzip) =>
        Write(directory, BuiltLayer.Build(layer, compression, TestManifestFormat.Oci));

    public static string Write(TempDirectory directory, BuiltLayer layer)
    {
        var path = directory.Combine("layer-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, layer.Blob);
        return path;
    }
}

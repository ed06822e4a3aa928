using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>Images that crashed the acquirer before it turned every hostile input into a failure.</summary>
public static class HostileImages
{
    /// <summary>A PAX extended header claiming more bytes than an array can hold (the tar reader threw InvalidOperationException).</summary>
    public static BuiltImage PaxRecordAboveArrayMaxLength() => OneLayer(new RawTar().Header("PaxHeaders/a", 'x', (long)Array.MaxLength + 1));

    /// <summary>A PAX uid record that overflows an int (the tar reader threw OverflowException).</summary>
    public static BuiltImage PaxUidOverflow() => OneLayer(new RawTar().Pax(("uid", "99999999999")).File("a", "a"));

    /// <summary>Two layer descriptors of long.MaxValue bytes each: their sum overflows (summing threw OverflowException).</summary>
    public static BuiltImage LayerSizesOverflow()
    {
        var image = OneLayer(new RawTar().File("a", "a"));
        var manifest = JsonNode.Parse(image.Manifest)!.AsObject();
        var layer = manifest["layers"]![0]!;
        layer["size"] = long.MaxValue;
        manifest["layers"] = new JsonArray(layer.DeepClone(), layer.DeepClone());
        return image with { Manifest = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()) };
    }

    public static BuiltImage OneLayer(RawTar tar)
    {
        ArgumentNullException.ThrowIfNull(tar);
        return new TestImage().Layer(BuiltLayer.FromTar(tar.ToArray())).Build();
    }
}

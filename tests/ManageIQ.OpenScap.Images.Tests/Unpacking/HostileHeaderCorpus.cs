using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// Images whose tar headers, extended records or descriptor sizes are hostile: records that would
/// make the tar reader allocate gigabytes, numbers that overflow, sizes that try to desynchronise the
/// header guard from the tar reader, and path floods. Each must fail cleanly with the kind and the
/// limit or field it names.
/// </summary>
internal static class HostileHeaderCorpus
{
    private const long TwoGigabytes = 2_000_000_000;

    public static IEnumerable<HostileCase> Build()
    {
        var raised = new UnpackLimits { MaxHeaderRecordBytes = int.MaxValue };
        return
        [
            new("layer-sizes-overflow", HostileImages.LayerSizesOverflow(), ImageAcquisitionFailure.LimitExceeded, ExpectedMessage: "MaxDownloadBytes"),
            Refused("pax-record-over-limit", new RawTar().Header("PaxHeaders/a", 'x', TwoGigabytes)),
            Refused("pax-global-record-over-limit", new RawTar().Header("PaxGlobal", 'g', TwoGigabytes)),
            Refused("gnu-long-name-over-limit", new RawTar().Entry("././@LongLink", 'L', LongName(2 * 1024 * 1024)).File("short", "x")),
            Refused("gnu-long-link-over-limit", new RawTar().Header("././@LongLink", 'K', TwoGigabytes)),
            new("pax-record-above-array-max", HostileImages.PaxRecordAboveArrayMaxLength(), ImageAcquisitionFailure.LimitExceeded,
                ExpectedMessage: "limit MaxHeaderRecordBytes"),
            new("pax-record-above-array-max-limit-raised", HostileImages.PaxRecordAboveArrayMaxLength(), ImageAcquisitionFailure.UnsafeLayer, raised,
                ExpectedMessage: "not a valid (compressed) tar archive"),
            Unsafe("pax-size-overflow", "size", new RawTar().Pax(("size", "99999999999999999999")).File("a", "a")),
            Unsafe("pax-size-negative", "size", new RawTar().Pax(("size", "-1")).File("a", "a")),
            new("pax-uid-overflow", HostileImages.PaxUidOverflow(), ImageAcquisitionFailure.UnsafeLayer, ExpectedMessage: "not a valid (compressed) tar archive"),
            Unsafe("pax-mtime-overflow", "not a valid (compressed) tar archive", new RawTar().Pax(("mtime", "99999999999999999999999")).File("a", "a")),
            Unsafe("sparse-entry", "not a valid (compressed) tar archive", new RawTar().Entry("sparse", 'S', new byte[16])),
            Unsafe("base256-size-overflow", "size", new RawTar().Header("big", '0', RawTar.Base256Size(UInt128.One << 80))),
            Unsafe("base256-negative-size", "size", new RawTar().Header("neg", '0', [.. Enumerable.Repeat((byte)0xFF, 12)])),
            Unsafe("octal-size-garbage", "size", new RawTar().Header("bad", '0', "0000000009x\0"u8.ToArray())),
            // The PAX size (0) wins over the header's (1024): the long-name header right after is the next header.
            Refused("pax-size-hides-next-header", new RawTar().Pax(("size", "0")).Header("a", '0', 1024).Header("././@LongLink", 'L', TwoGigabytes)),
            // After a GNU long name, an 'x' is an entry of its own: its size record applies to nothing.
            Refused("pax-size-after-gnu-name-applies-to-nothing",
                new RawTar().Entry("././@LongLink", 'L', LongName(200)).Pax(("size", "1024")).Header("a", '0', 0).Header("././@LongLink", 'L', TwoGigabytes)),
            new("entry-name-longer-than-path-max", Image(new RawTar().Pax(("path", System.Text.Encoding.ASCII.GetString(LongName(5000)))).File("ignored", "x")),
                ImageAcquisitionFailure.UnsafeLayer, ExpectedMessage: "4096"),
            new("tracked-path-flood", Image(Flood(300, 8)), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxTrackedPaths = 200 }, ExpectedMessage: "MaxTrackedPaths"),
            new("tracked-path-bytes", Image(Flood(40, 1000)), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxTrackedPathBytes = 32 * 1024 }, ExpectedMessage: "MaxTrackedPathBytes"),
            // Each layer's paths are given back when it is done: three layers of 150 files pass a limit of 200.
            new("tracked-paths-released-per-layer", Image(Flood(150, 8), Flood(150, 8), Flood(150, 8)), null,
                new UnpackLimits { MaxTrackedPaths = 200 }, CheckRoot: root => Assert.That(Directory.GetFiles(Path.Combine(root, "flood")), Has.Length.EqualTo(150))),
            // 60 directories a layer: each layer's entries are released, the directories' modes wait for the end.
            new("tracked-directories-across-layers", Image(Directories("one", 60), Directories("two", 60), Directories("three", 60)), ImageAcquisitionFailure.LimitExceeded,
                new UnpackLimits { MaxTrackedPaths = 200 }, ExpectedMessage: "MaxTrackedPaths"),
        ];
    }

    private static HostileCase Refused(string name, RawTar tar) =>
        new(name, Image(tar), ImageAcquisitionFailure.LimitExceeded, ExpectedMessage: "limit MaxHeaderRecordBytes");

    private static HostileCase Unsafe(string name, string message, RawTar tar) =>
        new(name, Image(tar), ImageAcquisitionFailure.UnsafeLayer, ExpectedMessage: message);

    private static BuiltImage Image(RawTar tar) => HostileImages.OneLayer(tar);

    private static BuiltImage Image(params TestLayer[] layers)
    {
        var image = new TestImage();
        foreach (var layer in layers)
        {
            image.Layer(layer);
        }

        return image.Build();
    }

    private static byte[] LongName(int length) => System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdefg/", (length / 8) + 1))[..length]);

    /// <summary>Empty files whose paths are <paramref name="pathLength"/> characters long (in directories of 100-character names).</summary>
    private static TestLayer Flood(int count, int pathLength)
    {
        var layer = new TestLayer();
        for (var i = 0; i < count; i++)
        {
            var path = "flood/" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            while (path.Length < pathLength)
            {
                path += "/" + new string('d', Math.Min(100, Math.Max(1, pathLength - path.Length - 1)));
            }

            layer.File(path, string.Empty);
        }

        return layer;
    }

    private static TestLayer Directories(string parent, int count)
    {
        var layer = new TestLayer();
        for (var i = 0; i < count; i++)
        {
            layer.Directory($"{parent}/{i}");
        }

        return layer;
    }
}

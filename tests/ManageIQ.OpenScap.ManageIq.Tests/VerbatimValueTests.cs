using System.IO.Compression;
using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>Attribute values through the real client and the emulator over loopback come back exactly as posted.</summary>
[CancelAfter(60_000)]
public sealed class VerbatimValueTests
{
    private static readonly string[] Values =
    [
        "first line\nsecond line\r\nthird",
        "he said \"no\" and left",
        "\"fully quoted\"",
        "C:\\scans\\new\\table",
        "\\\"escaped already\\\"",
        "naïve café – 日本語 – עברית – 🛡️🔒 – e\u0301",
        "tab\tand\u0001control",
        "{\"looks\":\"like json\"}",
        string.Empty,
    ];

    [Test]
    public async Task AddThenList_HardValues_RoundTripVerbatim()
    {
        await using var h = await ClientHarness.StartAsync();
        var inputs = Values.Select((v, i) => new CustomAttributeInput($"openscap_value_{i}", v)).ToList();
        var added = await h.Client.AddCustomAttributesAsync(2, inputs);
        Assert.That(added.Select(a => a.Value), Is.EqualTo(Values), "the add answer");

        var listed = await h.Client.GetCustomAttributesAsync(2);
        Assert.That(listed.OrderBy(a => a.Id).Select(a => a.Value), Is.EqualTo(Values), "a fresh listing");
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Select(r => r.Value<string>("value")), Is.EqualTo(Values), "the emulator's store");
    }

    [Test]
    public async Task AddThenList_LongBase64Report_RoundTripsVerbatim()
    {
        var report = GzipBase64(32 * 1024);
        Assert.That(report.Length, Is.GreaterThan(40_000));
        await using var h = await ClientHarness.StartAsync();
        await h.Client.AddCustomAttributesAsync(3, [new CustomAttributeInput("openscap_report_html", report)]);
        var listed = (await h.Client.GetCustomAttributesAsync(3)).Single();
        Assert.That(listed.Value, Is.EqualTo(report));
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(listed.Value!)), CompressionMode.Decompress);
        Assert.That(gzip.ReadByte(), Is.Not.EqualTo(-1), "still a valid gzip stream");
    }

    [Test]
    public async Task Upsert_SameName_ReplacesTheValueVerbatim()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_notes", "old")]);
        await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_notes", "feed stale:\n\"2026-01-01\"\\")]);
        var listed = (await h.Client.GetCustomAttributesAsync(2)).Single();
        Assert.That(listed.Value, Is.EqualTo("feed stale:\n\"2026-01-01\"\\"));
    }

    private static string GzipBase64(int randomBytes)
    {
        var bytes = new byte[randomBytes];
        new Random(11).NextBytes(bytes);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}

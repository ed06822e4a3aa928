using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// Hostile images through the real acquirer: each that once crashed the scan is now its failure
/// result, and the work directory holds no unpacked tree afterwards.
/// </summary>
[CancelAfter(60_000)]
public class HostileImageScanTests
{
    [TestCase("layer-sizes-overflow", "limit MaxDownloadBytes")]
    [TestCase("pax-record-above-array-max", "limit MaxHeaderRecordBytes")]
    [TestCase("pax-uid-overflow", "not a valid (compressed) tar archive")]
    public async Task ScanAsync_ImageThatCrashedTheAcquirer_ReportsImageAcquireFailedAndLeavesNoTree(string name, string message)
    {
        using var directory = new TempDirectory();
        var layout = directory.Combine("layout");
        Image(name).WriteOciLayout(layout, "x");
        await using var services = ScannerServices.Build(directory);
        var request = new ImageScanRequest
        {
            Image = $"oci:{layout}:x",
            WorkDirectory = directory.Combine("work"),
            ResultsDirectory = directory.Combine("results"),
        };

        var result = await services.GetRequiredService<IImageScanner>().ScanAsync(request, null, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ScanOutcome.ImageAcquireFailed));
        Assert.That(result.ErrorMessage, Does.Contain(message));
        Assert.That(Directory.EnumerateFileSystemEntries(directory.Combine("work", "image")).Select(Path.GetFileName), Is.SubsetOf(new[] { "blobs" }));
    }

    private static BuiltImage Image(string name) => name switch
    {
        "layer-sizes-overflow" => HostileImages.LayerSizesOverflow(),
        "pax-record-above-array-max" => HostileImages.PaxRecordAboveArrayMaxLength(),
        _ => HostileImages.PaxUidOverflow(),
    };
}

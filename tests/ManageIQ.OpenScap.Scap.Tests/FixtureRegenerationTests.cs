using ManageIQ.OpenScap.Scap.Tests.Support;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scap.Tests;

/// <summary>
/// Rewrites the committed fixtures from a fresh real oscap run. Explicit: run it after changing the content under
/// Fixtures/Content (<c>dotnet test --filter FullyQualifiedName~FixtureRegeneration</c>).
/// </summary>
[Explicit("rewrites the committed fixtures")]
public sealed class FixtureRegenerationTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Regenerate_RealOscapRun_WritesCompressedFixtures(CancellationToken cancellationToken)
    {
        using var work = new TempDirectory();
        await FixtureScans.RunAllAsync(work.Path, dataStream: null, cancellationToken);
        var results = work.Combine("results");
        var target = FixtureFiles.SourceDirectory;

        await File.WriteAllBytesAsync(Path.Combine(target, FixtureFiles.MiniArf), Compress.Gzip(await File.ReadAllBytesAsync(Path.Combine(results, "mini-arf.xml"), cancellationToken)), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(target, FixtureFiles.MiniXccdf), Compress.Bzip2(await File.ReadAllBytesAsync(Path.Combine(results, "mini-xccdf.xml"), cancellationToken)), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(target, FixtureFiles.CveOvalResults), Compress.Gzip(await File.ReadAllBytesAsync(Path.Combine(results, "oval-results.xml"), cancellationToken)), cancellationToken);

        Assert.That(Directory.GetFiles(target, "*.gz").Length + Directory.GetFiles(target, "*.bz2").Length, Is.EqualTo(3));
    }
}

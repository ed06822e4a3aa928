using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Retention;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>The results directory kept within its age and size limits, the newest scan of each image kept.</summary>
public sealed class ResultsDirectoryRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Apply_ScansPastTheirAge_AreDeletedWhateverTheirImage()
    {
        using var root = new TempDirectory();
        var old = Scan(root, "7", "a", 1000, Now.AddDays(-40));
        var recent = Scan(root, "7", "b", 1000, Now.AddDays(-1));
        var alone = Scan(root, "8", "c", 1000, Now.AddDays(-31));

        var report = Retention(TimeSpan.FromDays(30), 1L << 30).Apply(root.Path);

        Assert.That(report.DeletedForAge, Is.EqualTo(2));
        Assert.That((Directory.Exists(old), Directory.Exists(recent), Directory.Exists(alone)), Is.EqualTo((false, true, false)));
        Assert.That(Directory.Exists(root.Combine("8")), Is.False, "an image directory left empty goes too");
        Assert.That(report.FreedBytes, Is.EqualTo(2000));
    }

    [Test]
    public void Apply_AnEmptyImageDirectoryItDidNotEmpty_IsLeftToTheScanCreatingIt()
    {
        using var root = new TempDirectory();
        // Another scan of image 7 has created 7/ and is about to create 7/SCAN-ID/ under it.
        Directory.CreateDirectory(root.Combine("7"));
        Scan(root, "8", "a", 1000, Now.AddDays(-40));

        var report = Retention(TimeSpan.FromDays(30), 1L << 30).Apply(root.Path);

        Assert.That(report.DeletedForAge, Is.EqualTo(1));
        Assert.That(Directory.Exists(root.Combine("7")), Is.True, "a scan's image directory is never taken from under it");
        Assert.That(Directory.Exists(root.Combine("8")), Is.False, "the directory this pass emptied goes");
    }

    [Test]
    public void Apply_OverTheTotal_DeletesTheOldestFirstAndKeepsEachImagesNewest()
    {
        using var root = new TempDirectory();
        var oldest = Scan(root, "7", "a", 4 << 20, Now.AddHours(-5));
        var older = Scan(root, "8", "b", 4 << 20, Now.AddHours(-4));
        var newestOf8 = Scan(root, "8", "c", 4 << 20, Now.AddHours(-3));
        var newestOf7 = Scan(root, "7", "d", 4 << 20, Now.AddHours(-2));

        var report = Retention(TimeSpan.FromDays(30), 9 << 20).Apply(root.Path);

        Assert.That(report.DeletedForSize, Is.EqualTo(2));
        Assert.That((Directory.Exists(oldest), Directory.Exists(older), Directory.Exists(newestOf8), Directory.Exists(newestOf7)), Is.EqualTo((false, false, true, true)));
        Assert.That(report.KeptBytes, Is.EqualTo(8 << 20));
    }

    [Test]
    public void Apply_NewestOfEachImageAlreadyOverTheTotal_KeepsThem()
    {
        using var root = new TempDirectory();
        var a = Scan(root, "7", "a", 3 << 20, Now.AddHours(-2));
        var b = Scan(root, "8", "b", 3 << 20, Now.AddHours(-1));

        var report = Retention(TimeSpan.FromDays(30), 1 << 20).Apply(root.Path);

        Assert.That((report.DeletedForSize, Directory.Exists(a), Directory.Exists(b)), Is.EqualTo((0, true, true)));
    }

    [Test]
    public void Apply_EntriesOutsideTheLayout_AreLeftAlone()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("not-an-image", "x"));
        File.WriteAllText(root.Combine("README"), "operator's file");
        var target = root.Combine("elsewhere");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep"), "outside");
        Directory.CreateDirectory(root.Combine("9"));
        Directory.CreateSymbolicLink(root.Combine("9", "link"), target);
        File.SetLastWriteTimeUtc(Path.Combine(target, "keep"), Now.AddYears(-1).UtcDateTime);

        Retention(TimeSpan.FromDays(1), 1 << 20).Apply(root.Path);

        Assert.That(Directory.Exists(root.Combine("not-an-image", "x")), Is.True);
        Assert.That(File.Exists(root.Combine("README")), Is.True);
        Assert.That(File.Exists(Path.Combine(target, "keep")), Is.True, "a link is never followed");
    }

    [Test]
    public void Apply_MissingDirectory_DoesNothing() =>
        Assert.That(Retention(TimeSpan.FromDays(1), 1 << 20).Apply("/nonexistent/results").DeletedForAge, Is.Zero);

    private static ResultsDirectoryRetention Retention(TimeSpan maxAge, long maxBytes) =>
        new(Options.Create(new AnalysisOptions { Results = new ResultsRetentionOptions { MaxAge = maxAge, MaxTotalBytes = maxBytes } }), new FakeTimeProvider(Now), NullLogger<ResultsDirectoryRetention>.Instance);

    private static string Scan(TempDirectory root, string image, string scan, int bytes, DateTimeOffset writtenOn)
    {
        var directory = root.Combine(image, scan);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "results-arf.xml");
        File.WriteAllBytes(file, new byte[bytes]);
        File.SetLastWriteTimeUtc(file, writtenOn.UtcDateTime);
        Directory.SetLastWriteTimeUtc(directory, writtenOn.UtcDateTime);
        return directory;
    }
}

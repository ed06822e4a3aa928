using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

public sealed class CveFeedSlimmingTests
{
    private static readonly PackageInventory Dpkg = new()
    {
        Kind = PackageDatabaseKind.Dpkg,
        Source = "var/lib/dpkg/status",
        Packages = [.. SyntheticDebianRoot.DefaultPackages.Select(p => new InstalledPackage(p.Name, p.Version, p.Architecture, p.Name, p.Version))],
    };

    [Test]
    public async Task SlimAsync_DpkgImage_KeepsTheDefinitionsOnItsPackagesUnderTheSameName()
    {
        using var directory = new TempDirectory();
        var feed = Feed(directory, 500);

        var outcome = await Slimming(slim: true).SlimAsync(feed, Dpkg, CancellationToken.None);

        Assert.That(outcome.Definitions, Is.EqualTo(new Contracts.Scanning.CveFeedDefinitions(100, 500)));
        Assert.That(outcome.Note, Does.StartWith("100 of 500 feed definitions evaluated: the other 400 name only packages the image does not have"));
        Assert.That(File.ReadAllText(feed), Does.Contain("100 of 500 definitions kept"));
        Assert.That(Directory.GetFiles(directory.Path), Has.Length.EqualTo(1), "only the slim feed is left");
    }

    [Test]
    public async Task SlimAsync_SwitchedOff_LeavesTheFeedWholeWithoutANote()
    {
        using var directory = new TempDirectory();
        var feed = Feed(directory, 50);
        var before = File.ReadAllBytes(feed);

        var outcome = await Slimming(slim: false).SlimAsync(feed, Dpkg, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(CveFeedSlimmingOutcome.NotSlimmed));
        Assert.That(File.ReadAllBytes(feed), Is.EqualTo(before));
    }

    [Test]
    public async Task SlimAsync_RpmDatabaseNotListedYet_LeavesTheFeedWholeAndSaysSo()
    {
        using var directory = new TempDirectory();
        var feed = Feed(directory, 50);
        var before = File.ReadAllBytes(feed);
        var unlisted = new PackageInventory { Kind = PackageDatabaseKind.Rpm, Source = "var/lib/rpm/Packages", Listed = false };

        var outcome = await Slimming(slim: true).SlimAsync(feed, unlisted, CancellationToken.None);

        Assert.That(outcome.Definitions, Is.Null);
        Assert.That(outcome.Note, Is.EqualTo("The CVE feed was not slimmed: the scanner cannot list the image's package database (var/lib/rpm/Packages) yet, so all the feed's definitions were evaluated."));
        Assert.That(File.ReadAllBytes(feed), Is.EqualTo(before));
    }

    [Test]
    public async Task SlimAsync_FeedItCannotRead_IsGivenToOscapWholeWithANote()
    {
        using var directory = new TempDirectory();
        var feed = directory.Combine("oval-definitions-bookworm.xml.bz2");
        File.WriteAllText(feed, "<html>not a feed</html>");

        var outcome = await Slimming(slim: true).SlimAsync(feed, Dpkg, CancellationToken.None);

        Assert.That(outcome.Definitions, Is.Null);
        Assert.That(outcome.Note, Does.StartWith("The CVE feed could not be slimmed, so all its definitions were evaluated: The CVE feed oval-definitions-bookworm.xml.bz2 is not an OVAL definitions document"));
        Assert.That(File.ReadAllText(feed), Is.EqualTo("<html>not a feed</html>"));
        Assert.That(Directory.GetFileSystemEntries(directory.Path), Has.Length.EqualTo(1));
    }

    private static string Feed(TempDirectory directory, int definitions)
    {
        var plain = directory.Combine("feed.xml");
        SyntheticCveFeed.Write(plain, definitions, SyntheticDebianRoot.DefaultPackages);
        Shell.Run("bzip2", plain);
        var named = directory.Combine("oval-definitions-bookworm.xml.bz2");
        File.Move(plain + ".bz2", named);
        return named;
    }

    private static CveFeedSlimming Slimming(bool slim) =>
        new(Options.Create(new CveFeedOptions { CacheDirectory = "/nonexistent", Slim = slim }), NullLogger<CveFeedSlimming>.Instance);
}

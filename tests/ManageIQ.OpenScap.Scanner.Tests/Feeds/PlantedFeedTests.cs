using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

/// <summary>
/// A feed another user planted to hide CVEs is never used: the cache directory must be this user's and
/// writable by no one else, its files this user's regular files, and partial files never follow links.
/// </summary>
[CancelAfter(60_000)]
[SupportedOSPlatform("linux")]
public class PlantedFeedTests
{
    private const uint Nobody = 65534;
    private static readonly byte[] RealFeed = Encoding.UTF8.GetBytes("<oval_definitions>real</oval_definitions>");
    private static readonly byte[] PlantedFeed = Encoding.UTF8.GetBytes("<oval_definitions>planted: no CVEs</oval_definitions>");
    private TempDirectory directory = null!;

    [SetUp]
    public void SetUp() => directory = new TempDirectory();

    [TearDown]
    public void TearDown() => directory.Dispose();

    [Test]
    public async Task GetAsync_CacheDirectoryWritableByOthers_IsRefusedNamingIt()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        server.ForcedStatus = 500;
        var url = server.FeedUri("f.xml").ToString();
        var shared = directory.Combine("shared-cache");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0x1FF);
        Plant(shared, url);

        var error = GetExpectingRefusal(shared, url);

        Assert.That(error.Message, Does.Contain(shared).And.Contain("writable by its group or by others (mode 0777)").And.Contain("CveFeeds:CacheDirectory"));
    }

    [Test]
    public async Task GetAsync_CacheDirectoryOfAnotherUser_IsRefusedNamingIt()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        server.ForcedStatus = 500;
        var url = server.FeedUri("f.xml").ToString();
        string foreign;
        if (FeedNativeMethods.GetEffectiveUserId() == 0)
        {
            foreign = directory.Combine("foreign-cache");
            Directory.CreateDirectory(foreign, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Plant(foreign, url);
            await ChownAsync(foreign);
        }
        else
        {
            // Not root: a directory root owns stands for another user's.
            foreign = "/usr/share";
        }

        var owner = FeedNativeMethods.LStat(foreign, out _)!.Uid;
        var error = GetExpectingRefusal(foreign, url);

        Assert.That(error.Message, Does.Contain(foreign).And.Contain($"is owned by uid {owner}, not by this process's user"));
    }

    [Test]
    public async Task GetAsync_CacheDirectoryIsALink_IsRefused()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        var url = server.FeedUri("f.xml").ToString();
        var real = Directory.CreateDirectory(directory.Combine("real"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
        var link = directory.Combine("link");
        File.CreateSymbolicLink(link, real);

        var error = GetExpectingRefusal(link, url);

        Assert.That(error.Message, Does.Contain(link).And.Contain("is a symbolic link"));
    }

    [Test]
    public async Task GetAsync_NewCacheDirectory_IsCreatedOwnerOnly()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        var cacheDirectory = directory.Combine("state", "cve-cache");

        var feed = await GetAsync(cacheDirectory, server.FeedUri("f.xml").ToString());

        Assert.That(File.ReadAllBytes(feed.Path), Is.EqualTo(RealFeed));
        Assert.That(File.GetUnixFileMode(cacheDirectory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(feed.Path) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite), Is.EqualTo(UnixFileMode.None));
    }

    [Test]
    public async Task GetAsync_LinksPlantedAtThePartialNames_AreNotFollowed()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        var url = server.FeedUri("f.xml").ToString();
        var cacheDirectory = Directory.CreateDirectory(directory.Combine("cache"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
        var paths = CachedFeedPaths.For(cacheDirectory, url);
        var victim = directory.Combine("victim");
        await File.WriteAllTextAsync(victim, "untouched");
        File.CreateSymbolicLink(paths.FeedPartial, victim);
        File.CreateSymbolicLink(paths.MetadataPartial, victim);

        var feed = await GetAsync(cacheDirectory, url);

        Assert.That(await File.ReadAllTextAsync(victim), Is.EqualTo("untouched"));
        Assert.That(File.ReadAllBytes(feed.Path), Is.EqualTo(RealFeed));
        Assert.That(new FileInfo(paths.Feed).LinkTarget, Is.Null);
        Assert.That(new FileInfo(paths.Metadata).LinkTarget, Is.Null);
    }

    [Test]
    public async Task GetAsync_MetadataIsALinkOutOfTheDirectory_IsNotTrusted()
    {
        await using var server = await FeedServer.StartAsync(RealFeed);
        server.ForcedStatus = 500;
        var url = server.FeedUri("f.xml").ToString();
        var cacheDirectory = Directory.CreateDirectory(directory.Combine("cache"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
        var outside = directory.Combine("outside");
        Directory.CreateDirectory(outside);
        Plant(outside, url);
        var paths = CachedFeedPaths.For(cacheDirectory, url);
        await File.WriteAllBytesAsync(paths.Feed, PlantedFeed);
        File.CreateSymbolicLink(paths.Metadata, CachedFeedPaths.For(outside, url).Metadata);

        var error = Assert.ThrowsAsync<CveFeedException>(() => GetAsync(cacheDirectory, url));

        Assert.That(error!.Message, Does.Contain("could not be downloaded").And.Contain("500"), "no cached copy was trusted to fall back on");
    }

    private static void Plant(string cacheDirectory, string url)
    {
        var paths = CachedFeedPaths.For(cacheDirectory, url);
        File.WriteAllBytes(paths.Feed, PlantedFeed);
        File.WriteAllText(paths.Metadata, $"{{\"Url\":\"{url}\",\"ETag\":\"\\\"v1\\\"\",\"LastModified\":null,\"FetchedAt\":\"2024-06-01T12:00:00+00:00\"}}");
    }

    private static async Task ChownAsync(string path)
    {
        using var chown = Process.Start("chown", ["-R", $"{Nobody}:{Nobody}", path]);
        await chown.WaitForExitAsync();
        Assert.That(chown.ExitCode, Is.Zero, "chown of the planted directory");
    }

    private CveFeedException GetExpectingRefusal(string cacheDirectory, string url)
    {
        var error = Assert.ThrowsAsync<CveFeedException>(() => GetAsync(cacheDirectory, url));
        Assert.That(error!.Message, Does.Contain("it is not used"));
        return error;
    }

    private async Task<CveFeedFile> GetAsync(string cacheDirectory, string url)
    {
        await using var services = ScannerServices.Build(directory, cveCacheDirectory: cacheDirectory);
        return await services.GetRequiredService<ICveFeedCache>().GetAsync(url, CancellationToken.None);
    }
}

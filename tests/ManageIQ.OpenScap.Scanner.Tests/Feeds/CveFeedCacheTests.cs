using System.Text;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

/// <summary>The feed cache against a real HTTP server on loopback.</summary>
[CancelAfter(60_000)]
public class CveFeedCacheTests
{
    private static readonly byte[] FeedV1 = Encoding.UTF8.GetBytes("<oval_definitions>v1</oval_definitions>");
    private TempDirectory directory = null!;
    private ServiceProvider services = null!;
    private ICveFeedCache cache = null!;

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory();
        services = ScannerServices.Build(directory);
        cache = services.GetRequiredService<ICveFeedCache>();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await services.DisposeAsync();
        directory.Dispose();
    }

    [Test]
    public async Task GetAsync_FirstTime_DownloadsTheFeed()
    {
        await using var server = await FeedServer.StartAsync(FeedV1);
        var feed = await cache.GetAsync(server.FeedUri("f.xml").ToString(), CancellationToken.None);
        Assert.That(File.ReadAllBytes(feed.Path), Is.EqualTo(FeedV1));
        Assert.That(feed.FromCache, Is.False);
        Assert.That(feed.ETag, Is.EqualTo("\"v1\""));
        Assert.That(feed.LastModified, Is.EqualTo(server.LastModified));
    }

    [Test]
    public async Task GetAsync_Unchanged_RevalidatesWithETagAndKeepsTheCachedCopy()
    {
        await using var server = await FeedServer.StartAsync(FeedV1);
        var url = server.FeedUri("f.xml").ToString();
        await cache.GetAsync(url, CancellationToken.None);
        var second = await cache.GetAsync(url, CancellationToken.None);
        Assert.That(second.FromCache, Is.True);
        Assert.That(second.Stale, Is.False);
        Assert.That(File.ReadAllBytes(second.Path), Is.EqualTo(FeedV1));
        Assert.That(server.Requests.Select(r => r.IfNoneMatch), Is.EqualTo(new[] { string.Empty, "\"v1\"" }));
        Assert.That(server.Requests.Select(r => r.Status), Is.EqualTo(new[] { 200, 304 }));
    }

    [Test]
    public async Task GetAsync_Changed_DownloadsTheNewVersion()
    {
        await using var server = await FeedServer.StartAsync(FeedV1);
        var url = server.FeedUri("f.xml").ToString();
        await cache.GetAsync(url, CancellationToken.None);
        server.Content = Encoding.UTF8.GetBytes("<oval_definitions>v2</oval_definitions>");
        server.ETag = "\"v2\"";
        var second = await cache.GetAsync(url, CancellationToken.None);
        Assert.That(second.FromCache, Is.False);
        Assert.That(File.ReadAllText(second.Path), Does.Contain("v2"));
        Assert.That(second.ETag, Is.EqualTo("\"v2\""));
    }

    [Test]
    public async Task GetAsync_ServerFailsWithCachedCopy_UsesItAsStale()
    {
        await using var server = await FeedServer.StartAsync(FeedV1);
        var url = server.FeedUri("f.xml").ToString();
        await cache.GetAsync(url, CancellationToken.None);
        server.ForcedStatus = 500;
        var second = await cache.GetAsync(url, CancellationToken.None);
        Assert.That(second.Stale, Is.True);
        Assert.That(File.ReadAllBytes(second.Path), Is.EqualTo(FeedV1));
    }

    [Test]
    public async Task GetAsync_ServerFailsWithoutCache_ThrowsNamingTheFeedButNotTheCredentials()
    {
        await using var server = await FeedServer.StartAsync(FeedV1);
        server.ForcedStatus = 404;
        var url = new UriBuilder(server.FeedUri("f.xml")) { UserName = "user", Password = "s3cret" }.Uri.ToString();
        var error = Assert.ThrowsAsync<CveFeedException>(() => cache.GetAsync(url, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("404").And.Contain("/feeds/f.xml").And.Not.Contain("s3cret"));
    }

    [Test]
    public async Task GetAsync_LocalPath_ReturnsItOrSaysItIsMissing()
    {
        var local = directory.Combine("feed.xml");
        await File.WriteAllBytesAsync(local, FeedV1);
        Assert.That((await cache.GetAsync(local, CancellationToken.None)).Path, Is.EqualTo(local));
        Assert.That(() => cache.GetAsync(directory.Combine("absent.xml"), CancellationToken.None), Throws.TypeOf<CveFeedException>().With.Message.Contains("does not exist"));
    }
}

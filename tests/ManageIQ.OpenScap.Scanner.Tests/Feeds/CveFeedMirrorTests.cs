using System.Text;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

/// <summary>CveFeeds:Mirrors and the User-Agent, against a real HTTP server on loopback and local files.</summary>
[CancelAfter(60_000)]
public class CveFeedMirrorTests
{
    private static readonly byte[] Feed = Encoding.UTF8.GetBytes("<oval_definitions>mirrored</oval_definitions>");

    [Test]
    public async Task GetAsync_MirrorToHttp_FetchesFromTheMirrorWithTheProjectsUserAgent()
    {
        using var directory = new TempDirectory();
        await using var server = await FeedServer.StartAsync(Feed);
        await using var services = ScannerServices.Build(directory, feeds: o => o.Mirrors = [new CveFeedMirror { From = "https://www.debian.org/security/oval/", To = server.FeedUri(string.Empty).ToString() }]);

        var feed = await services.GetRequiredService<ICveFeedCache>().GetAsync("https://www.debian.org/security/oval/oval-definitions-bookworm.xml.bz2", CancellationToken.None);

        Assert.That(File.ReadAllBytes(feed.Path), Is.EqualTo(Feed));
        Assert.That(feed.Location, Does.StartWith(server.BaseAddress.ToString()).And.EndWith("/feeds/oval-definitions-bookworm.xml.bz2"));
        Assert.That(server.UserAgents.Single(), Does.StartWith("ManageIQ.OpenScap/"));
    }

    [Test]
    public async Task GetAsync_MirrorToDirectory_ReadsTheLocalFile()
    {
        using var directory = new TempDirectory();
        var mirror = Directory.CreateDirectory(directory.Combine("mirror")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(mirror, "com.oracle.elsa-ol9.xml.bz2"), Feed);
        await using var services = ScannerServices.Build(directory, feeds: o => o.Mirrors =
        [
            new CveFeedMirror { From = "https://linux.oracle.com/", To = "/nonexistent/" },
            new CveFeedMirror { From = "https://linux.oracle.com/security/oval/", To = mirror + "/" },
        ]);

        var feed = await services.GetRequiredService<ICveFeedCache>().GetAsync("https://linux.oracle.com/security/oval/com.oracle.elsa-ol9.xml.bz2", CancellationToken.None);

        Assert.That(feed.Path, Is.EqualTo(Path.Combine(mirror, "com.oracle.elsa-ol9.xml.bz2")), "the longest matching prefix wins");
    }

    [Test]
    public void Start_MirrorNotAUrlPrefix_FailsNamingTheKey()
    {
        using var directory = new TempDirectory();
        using var services = ScannerServices.Build(directory, feeds: o => o.Mirrors = [new CveFeedMirror { From = "www.debian.org", To = "relative/dir" }]);

        var e = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<CveFeedOptions>>().Value);

        Assert.That(e!.Message, Does.Contain("CveFeeds:Mirrors:0:From 'www.debian.org' is not an http(s) URL prefix").And.Contain("CveFeeds:Mirrors:0:To 'relative/dir'"));
    }
}

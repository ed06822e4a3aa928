using ManageIQ.OpenScap.Scanner.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Tests.Feeds;

/// <summary>The cache's default lies in the user's state directory, never in the shared temporary directory.</summary>
public class CveFeedOptionsTests
{
    [Test]
    public void DefaultCacheDirectory_XdgStateHome_IsUnderIt()
    {
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = "/home/u/.state", ["HOME"] = "/home/u" };

        Assert.That(CveFeedOptions.DefaultCacheDirectory(n => environment.GetValueOrDefault(n)), Is.EqualTo("/home/u/.state/manageiq-openscap/cve-cache"));
    }

    [Test]
    public void DefaultCacheDirectory_HomeOnly_IsUnderLocalState()
    {
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = "relative", ["HOME"] = "/home/u" };

        Assert.That(CveFeedOptions.DefaultCacheDirectory(n => environment.GetValueOrDefault(n)), Is.EqualTo("/home/u/.local/state/manageiq-openscap/cve-cache"));
    }

    [Test]
    public void Validate_NoDefaultAndNothingSet_NamesTheKey()
    {
        var options = new CveFeedOptions { CacheDirectory = CveFeedOptions.DefaultCacheDirectory(_ => null) };

        var result = new CveFeedOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("CveFeeds:CacheDirectory is not set"));
    }

    [Test]
    public void Validate_RelativeDirectoryAndZeroTimeout_NamesBothKeys()
    {
        var options = new CveFeedOptions { CacheDirectory = "cache", DownloadTimeout = TimeSpan.Zero };

        var result = new CveFeedOptionsValidator().Validate(null, options);

        Assert.That(result.FailureMessage, Does.Contain("CveFeeds:CacheDirectory 'cache' is not an absolute path").And.Contain("CveFeeds:DownloadTimeout is 00:00:00"));
    }

    [Test]
    public void Validate_Defaults_Succeed()
    {
        Assert.That(new CveFeedOptionsValidator().Validate(null, new CveFeedOptions { CacheDirectory = "/var/lib/x/cve-cache" }).Succeeded, Is.True);
    }

    [Test]
    public void Slim_IsOnByDefaultAndSwitchedOffByItsKey()
    {
        Assert.That(new CveFeedOptions().Slim, Is.True);
        Assert.That(Bound(new() { [CveFeedOptions.SlimKey] = "false" }).Slim, Is.False);
    }

    [Test]
    public void Slim_NotABoolean_IsRefusedNamingTheKey()
    {
        var error = Assert.Catch(() => Bound(new() { [CveFeedOptions.SlimKey] = "sometimes" }));
        Assert.That(error!.Message, Does.Contain("CveFeeds:Slim").And.Contain("sometimes"));
    }

    private static CveFeedOptions Bound(Dictionary<string, string?> values)
    {
        values[CveFeedOptions.SectionName + ":" + nameof(CveFeedOptions.CacheDirectory)] = "/var/lib/x/cve-cache";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddImageScanner(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<CveFeedOptions>>().Value;
    }
}

using System.Xml.Linq;
using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.Vex.Tests;

/// <summary>The OVAL written for an image from a feed, checked by oscap's own schema validation, and the index cache.</summary>
public class VexOvalConverterTests
{
    private static readonly XNamespace Oval = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    private static readonly XNamespace Linux = "http://oval.mitre.org/XMLSchema/oval-definitions-5#linux";

    private static readonly InstalledPackage[] Packages =
    [
        new("openssl-libs", "1:3.2.2-16.el10", "x86_64", "openssl", "1:3.2.2-16.el10"),
        new("openssl", "1:3.2.2-16.el10", "x86_64", "openssl", "1:3.2.2-16.el10"),
        new("zlib-ng-compat", "2.2.3-1.el10", "x86_64", "zlib-ng", "2.2.3-1.el10"),
        new("bash", "5.2.26-6.el10", "x86_64", "bash", "5.2.26-6.el10"),
        new("gpg-pubkey", "0:fd431d51-4ae0493b", string.Empty, "gpg-pubkey", "0:fd431d51-4ae0493b"),
    ];

    [Test]
    public async Task ConvertAsync_TestsEachInstalledBinaryOfAFixedSourceAgainstTheHighestMainStreamFix()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory,
            RhelProducts.Document("CVE-2026-3001", "Important")
                .Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-16.el10_0.1", epoch: 1)
                .Fixed(RhelProducts.Rhel10AppStream, "openssl", "3.2.2-17.el10_0", epoch: 1)
                .Fixed(RhelProducts.Rhel9, "openssl", "3.0.7-28.el9_4")
                .Affected(RhelProducts.Rhel10Unfixed, "bash"),
            RhelProducts.Document("CVE-2026-3002", "Low").Fixed(RhelProducts.Rhel10, "zlib-ng-compat", "2.2.3-2.el10", "x86_64"),
            RhelProducts.Document("CVE-2026-3003", "Critical").Fixed(RhelProducts.Rhel10, "curl", "8.9.1-5.el10"));
        using var converter = Converter();

        var result = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);

        var oval = XDocument.Load(directory.Combine("vex.xml"));
        Assert.That(result.Definitions, Is.EqualTo(2), "curl is not installed; bash's CVE has no fix and unfixed ones are off");
        Assert.That(Definitions(oval), Is.EqualTo(new[]
        {
            "CVE-2026-3001|Important|openssl (from openssl) is earlier than 1:3.2.2-17.el10_0;openssl-libs (from openssl) is earlier than 1:3.2.2-17.el10_0",
            "CVE-2026-3002|Low|zlib-ng-compat (from zlib-ng) is earlier than 0:2.2.3-2.el10",
        }));
        Assert.That(oval.Descendants(Oval + "definition").Single(d => (string?)d.Attribute("class") == "inventory").Descendants(Oval + "criterion").Count(), Is.EqualTo(Packages.Length));
        Assert.That(oval.Descendants(Linux + "evr").Select(e => (string)e), Is.EquivalentTo(new[] { "1:3.2.2-17.el10_0", "0:2.2.3-2.el10" }));
        Validate(directory.Combine("vex.xml"));
    }

    [Test]
    public async Task ConvertAsync_IncludeUnfixed_TestsThatTheBinaryIsInstalled()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3004").Affected(RhelProducts.Rhel10Unfixed, "bash"));
        using var converter = Converter(new VexOptions { IncludeUnfixed = true });

        var result = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);

        Assert.That(result.Definitions, Is.EqualTo(1));
        Assert.That(Definitions(XDocument.Load(directory.Combine("vex.xml"))), Is.EqualTo(new[] { "CVE-2026-3004|Important|bash (from bash) is installed; no fix is available" }));
        Validate(directory.Combine("vex.xml"));
    }

    [Test]
    public async Task ConvertAsync_InventoryNotListed_TestsTheFeedsOwnNamesAsBinaries()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3005").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1).Fixed(RhelProducts.Rhel10, "openssl-libs", "3.2.2-18.el10", "x86_64", epoch: 1));
        using var converter = Converter();

        var result = await converter.ConvertAsync(Request(directory, feed, packages: null), CancellationToken.None);

        Assert.That(result.Definitions, Is.EqualTo(1));
        Assert.That(Definitions(XDocument.Load(directory.Combine("vex.xml"))), Is.EqualTo(new[] { "CVE-2026-3005|Important|openssl (from openssl) is earlier than 1:3.2.2-17.el10;openssl-libs (from openssl-libs) is earlier than 1:3.2.2-18.el10" }));
        Validate(directory.Combine("vex.xml"));
    }

    [Test]
    public async Task ConvertAsync_NothingInstalledIsNamed_WritesTheInventoryDefinitionAlone()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3006").Fixed(RhelProducts.Rhel10, "curl", "8.9.1-5.el10"));
        using var converter = Converter();

        var result = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);

        Assert.That(result.Definitions, Is.Zero);
        Assert.That(XDocument.Load(directory.Combine("vex.xml")).Descendants(Oval + "definition").Select(d => (string?)d.Attribute("class")), Is.EqualTo(new[] { "inventory" }));
        Validate(directory.Combine("vex.xml"));
    }

    [Test]
    public void ConvertAsync_FeedWithoutTheImagesRhelVersion_IsTheWrongFeed()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3007").Fixed(RhelProducts.Rhel9, "openssl", "3.0.7-28.el9_4"));
        using var converter = Converter();

        var e = Assert.ThrowsAsync<VexFormatException>(() => converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("names no fixed RPM of a Red Hat Enterprise Linux 10 main-stream product"));
    }

    [Test]
    public async Task ConvertAsync_SameFeedTwice_ReadsTheIndexFromTheCacheUntilTheFeedChanges()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3008").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1));
        using var converter = Converter();

        var first = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);
        var second = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);
        File.WriteAllText(Path.Combine(feed, "cve-2026-3009.json"), RhelProducts.Document("CVE-2026-3009").Fixed(RhelProducts.Rhel10, "bash", "5.2.26-7.el10").ToJson());
        var changed = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);

        Assert.That((first.FromCache, second.FromCache, changed.FromCache), Is.EqualTo((false, true, false)));
        Assert.That(second.FeedDigest, Is.EqualTo(first.FeedDigest));
        Assert.That(changed.Definitions, Is.EqualTo(2));
        Assert.That(Directory.GetFiles(directory.Combine("cache")), Has.Length.EqualTo(1), "only the newest index is kept");
    }

    [Test]
    public async Task ConvertAsync_SameArchiveFileAgain_IsNeitherHashedNorLoadedUntilItChanges()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("feed.tar");
        VexFeedReaderTests.WriteTar(archive, "tar", [("a.json", RhelProducts.Document("CVE-2026-3013").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1).ToJson())]);
        using var converter = Converter();
        await converter.ConvertAsync(Request(directory, archive, Packages), CancellationToken.None);

        // The on-disk index is gone, yet the same file (path, length, time) needs neither it nor a new parse.
        File.Delete(Directory.GetFiles(directory.Combine("cache")).Single());
        var again = await converter.ConvertAsync(Request(directory, archive, Packages), CancellationToken.None);
        VexFeedReaderTests.WriteTar(archive, "tar", [("a.json", RhelProducts.Document("CVE-2026-3013").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1).ToJson()), ("b.json", RhelProducts.Document("CVE-2026-3014").Fixed(RhelProducts.Rhel10, "bash", "5.2.26-7.el10").ToJson())]);
        var changed = await converter.ConvertAsync(Request(directory, archive, Packages), CancellationToken.None);

        Assert.That((again.FromCache, again.Definitions), Is.EqualTo((true, 1)));
        Assert.That((changed.FromCache, changed.Definitions), Is.EqualTo((false, 2)));
    }

    [Test]
    public async Task ConvertAsync_TwoFeedsSideBySide_KeepTheirOwnIndexes()
    {
        using var directory = new TempDirectory();
        var first = WriteFeed(directory, RhelProducts.Document("CVE-2026-3011").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1));
        var second = Directory.CreateDirectory(directory.Combine("feed-9")).FullName;
        File.WriteAllText(Path.Combine(second, "cve-2026-3012.json"), RhelProducts.Document("CVE-2026-3012").Fixed(RhelProducts.Rhel10, "bash", "5.2.26-7.el10").ToJson());
        using var converter = Converter();

        await converter.ConvertAsync(Request(directory, first, Packages) with { FeedKey = "https://a.test/vex/" }, CancellationToken.None);
        await converter.ConvertAsync(Request(directory, second, Packages) with { FeedKey = "/srv/vex-9" }, CancellationToken.None);
        var again = await converter.ConvertAsync(Request(directory, first, Packages) with { FeedKey = "https://a.test/vex/" }, CancellationToken.None);

        Assert.That(again.FromCache, Is.True);
        Assert.That(Directory.GetFiles(directory.Combine("cache")), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task ConvertAsync_CorruptCachedIndex_IsParsedAgain()
    {
        using var directory = new TempDirectory();
        var feed = WriteFeed(directory, RhelProducts.Document("CVE-2026-3010").Fixed(RhelProducts.Rhel10, "openssl", "3.2.2-17.el10", epoch: 1));
        using var converter = Converter();
        await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);
        File.WriteAllText(Directory.GetFiles(directory.Combine("cache")).Single(), "{ not json");

        var again = await converter.ConvertAsync(Request(directory, feed, Packages), CancellationToken.None);

        Assert.That(again.FromCache, Is.False);
        Assert.That(again.Definitions, Is.EqualTo(1));
    }

    [Test]
    public void AddVexFeeds_InvalidLimit_FailsAtStartNamingTheKey()
    {
        var provider = new ServiceCollection().AddVexFeeds().Configure<VexOptions>(o => o.MaxDepth = 2).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<VexOptions>>().Value);

        Assert.That(e!.Message, Does.Contain("MaxDepth"));
    }

    private static VexOvalConverter Converter(VexOptions? options = null) =>
        new(Options.Create(options ?? new VexOptions()), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<VexOvalConverter>.Instance);

    private static VexConversionRequest Request(TempDirectory directory, string feed, IReadOnlyList<InstalledPackage>? packages) => new()
    {
        FeedPath = feed,
        CacheDirectory = directory.Combine("cache"),
        Major = "10",
        Packages = packages,
        OvalPath = directory.Combine("vex.xml"),
    };

    private static string WriteFeed(TempDirectory directory, params CsafVexDocument[] documents)
    {
        var feed = Directory.CreateDirectory(directory.Combine("feed")).FullName;
        var i = 0;
        foreach (var document in documents)
        {
            File.WriteAllText(Path.Combine(feed, $"doc-{i++}.json"), document.ToJson());
        }

        return feed;
    }

    /// <summary>Each vulnerability definition as "CVE|severity|criterion comments".</summary>
    private static List<string> Definitions(XDocument oval) =>
        [.. oval.Descendants(Oval + "definition")
            .Where(d => (string?)d.Attribute("class") == "vulnerability")
            .Select(d => string.Join('|',
                (string?)d.Descendants(Oval + "reference").Single().Attribute("ref_id"),
                (string?)d.Descendants(Oval + "severity").SingleOrDefault(),
                string.Join(';', d.Descendants(Oval + "criterion").Select(c => (string?)c.Attribute("comment")))))];

    private static void Validate(string path) => Shell.Run("oscap", "oval", "validate", path);
}

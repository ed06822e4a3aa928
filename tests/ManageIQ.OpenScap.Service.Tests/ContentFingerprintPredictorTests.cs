using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Testing;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Service.Discovery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// The expected fingerprint, computed without pulling: the same content and feed version is current; a new feed, a
/// new profile or data stream, or, for a scan in a pod, another inspector image is not.
/// </summary>
public sealed class ContentFingerprintPredictorTests
{
    private const string DataStream = "/usr/share/xml/scap/ssg/content/ssg-debian12-ds.xml";
    private const string Feed = "https://feeds.test.invalid/oval-definitions-bookworm.xml.bz2";
    private const string Inspector = "registry.test.invalid/manageiq/openscap-inspector:1.4.0";

    private string _etag = null!;
    private string _profile = null!;
    private bool _slim;

    [SetUp]
    public void Reset()
    {
        _etag = "\"v1\"";
        _profile = "xccdf_org.ssgproject.content_profile_standard";
        _slim = true;
    }

    [Test]
    public async Task SameContentAndFeed_IsCurrent() =>
        Assert.That(await Predictor().IsCurrentAsync("debian 12", Fingerprint().ToString(), null, CancellationToken.None), Is.True);

    [Test]
    public async Task NewFeedVersion_IsNotCurrent()
    {
        var fingerprint = Fingerprint().ToString();
        _etag = "\"v2\"";
        Assert.That(await Predictor().IsCurrentAsync("debian 12", fingerprint, null, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task SlimmingSwitchedOff_IsNotCurrentUntilScannedWithTheWholeFeed()
    {
        var slimmed = Fingerprint().ToString();
        _slim = false;
        Assert.That(await Predictor().IsCurrentAsync("debian 12", slimmed, null, CancellationToken.None), Is.False);
        Assert.That(await Predictor().IsCurrentAsync("debian 12", Fingerprint().ToString(), null, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task ScanBeforeTheSlimmingSwitchExisted_IsNotCurrent() =>
        Assert.That(await Predictor().IsCurrentAsync("debian 12", (Fingerprint() with { CveFeedSlim = null }).ToString(), null, CancellationToken.None), Is.False);

    [Test]
    public async Task ScanInAPod_SlimsByThePodsSettings()
    {
        var podScan = (Fingerprint() with { Inspector = Inspector }).ToString();
        _slim = false;
        Assert.That(await Predictor().IsCurrentAsync("debian 12", podScan, Inspector, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task AnotherProfileConfigured_IsNotCurrent()
    {
        var fingerprint = Fingerprint().ToString();
        _profile = "xccdf_org.ssgproject.content_profile_anssi_bp28_minimal";
        Assert.That(await Predictor().IsCurrentAsync("debian 12", fingerprint, null, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task AnotherBridgeVersion_IsNotCurrentInProcess() =>
        Assert.That(await Predictor().IsCurrentAsync("debian 12", (Fingerprint() with { ProjectVersion = "0.0.1" }).ToString(), null, CancellationToken.None), Is.False);

    [Test]
    public async Task ScanInAPod_SameInspectorImage_IsCurrent_WhateverTheInspectorsOwnVersionAndDataStream()
    {
        var podScan = Fingerprint() with { Inspector = Inspector, ProjectVersion = "pod-build", DataStream = "ssg-debian12-ds-1.2.xml" };
        Assert.That(await Predictor().IsCurrentAsync("debian 12", podScan.ToString(), Inspector, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task ScanInAPod_AnotherInspectorImage_IsNotCurrent()
    {
        var podScan = Fingerprint() with { Inspector = Inspector };
        Assert.That(await Predictor().IsCurrentAsync("debian 12", podScan.ToString(), Inspector.Replace("1.4.0", "1.5.0", StringComparison.Ordinal), CancellationToken.None), Is.False);
    }

    [Test]
    public async Task InProcessScan_WhenTheProviderMovedToPods_IsNotCurrent() =>
        Assert.That(await Predictor().IsCurrentAsync("debian 12", Fingerprint().ToString(), Inspector, CancellationToken.None), Is.False);

    [Test]
    public async Task ScanInAPod_NewFeedVersion_IsNotCurrent()
    {
        var podScan = (Fingerprint() with { Inspector = Inspector }).ToString();
        _etag = "\"v2\"";
        Assert.That(await Predictor().IsCurrentAsync("debian 12", podScan, Inspector, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task AProvidersTailoringFile_IsCurrentUntilItsContentChanges()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("tailoring.xml");
        await File.WriteAllTextAsync(file, "<Tailoring/>");
        var scanned = (Fingerprint() with { Tailoring = _profile, TailoringContent = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))) }).ToString();
        var content = new ProviderScanContent { TailoringFile = file };
        var predictor = Predictor();

        Assert.That(await predictor.IsCurrentAsync("debian 12", scanned, null, content, CancellationToken.None), Is.True);
        Assert.That(await predictor.IsCurrentAsync("debian 12", scanned, null, null, CancellationToken.None), Is.False, "the file was taken off the provider");
        await File.WriteAllTextAsync(file, "<Tailoring id='edited'/>");
        Assert.That(await predictor.IsCurrentAsync("debian 12", scanned, null, content, CancellationToken.None), Is.False, "the file was edited");
    }

    [Test]
    public async Task AVexDirectoryFeed_IsCurrentUntilAMirrorChangesIt_AndIsNeverSlimmed()
    {
        using var directory = new TempDirectory();
        var feed = directory.Combine("vex");
        Directory.CreateDirectory(Path.Combine(feed, "2026"));
        await File.WriteAllTextAsync(Path.Combine(feed, "2026", "cve-2026-0001.json"), "{}");
        var scanned = new ContentFingerprint
        {
            DataStream = ScapContentSelection.NoDataStream,
            Profile = "(none)",
            CveFeed = "vex",
            CveFeedVersion = VexFeedLocation.DirectoryVersion(feed),
            CveFeedSlim = ContentFingerprint.SlimValue(false),
        }.ToString();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var predictor = VexPredictor(feed, time);

        Assert.That(await predictor.IsCurrentAsync("rhel 10", scanned, null, CancellationToken.None), Is.True, "the listing the scanner versioned it by");
        await File.WriteAllTextAsync(Path.Combine(feed, "2026", "cve-2026-0002.json"), "{}");
        time.Advance(ContentFingerprintPredictor.FeedRecheck);
        Assert.That(await predictor.IsCurrentAsync("rhel 10", scanned, null, CancellationToken.None), Is.False, "a document added by the mirror");
    }

    private static ContentFingerprintPredictor VexPredictor(string feed, TimeProvider time)
    {
        var resolver = new Mock<IScapContentResolver>();
        resolver.Setup(r => r.Resolve(It.Is<OsRelease>(o => o.Id == "rhel" && o.VersionId == "10"), It.IsAny<ScapContentOverride>()))
            .Returns(ScapContentResolution.Found(new ScapContentSelection { DistributionId = "rhel", DistributionVersion = "10", Profile = "(none)", CveFeed = feed, CveFeedFormat = CveFeedFormat.CsafVex }));
        var feeds = new Mock<ICveFeedCache>(MockBehavior.Strict);
        return new ContentFingerprintPredictor(resolver.Object, Mock.Of<IDataStreamInspector>(), feeds.Object, Options.Create(new CveFeedOptions { Policy = CveFeedPolicy.Optional, Slim = true }), time, NullLogger<ContentFingerprintPredictor>.Instance);
    }

    private ContentFingerprint Fingerprint() => new()
    {
        DataStream = Path.GetFileName(DataStream),
        Profile = _profile,
        CveFeed = Path.GetFileName(Feed),
        CveFeedVersion = _etag,
        CveFeedSlim = ContentFingerprint.SlimValue(_slim),
    };

    private ContentFingerprintPredictor Predictor()
    {
        var resolver = new Mock<IScapContentResolver>();
        resolver.Setup(r => r.Resolve(It.Is<OsRelease>(o => o.Id == "debian" && o.VersionId == "12"), It.IsAny<ScapContentOverride>()))
            .Returns(ScapContentResolution.Found(new ScapContentSelection { DistributionId = "debian", DistributionVersion = "12", DataStreamPath = DataStream, Profile = _profile }));
        var inspector = new Mock<IDataStreamInspector>();
        inspector.Setup(i => i.InspectAsync(DataStream, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DataStreamInfo { Path = DataStream, RemoteChecks = [new RemoteCheck("oval-cve", Feed, ["xccdf_rule_cves"], [])] });
        var feeds = new Mock<ICveFeedCache>();
        feeds.Setup(f => f.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string location, CancellationToken _) => new CveFeedFile(location, "/nonexistent", true, false, null, _etag));
        return new ContentFingerprintPredictor(resolver.Object, inspector.Object, feeds.Object, Options.Create(new CveFeedOptions { Policy = CveFeedPolicy.Optional, Slim = _slim }), TimeProvider.System, NullLogger<ContentFingerprintPredictor>.Instance);
    }
}

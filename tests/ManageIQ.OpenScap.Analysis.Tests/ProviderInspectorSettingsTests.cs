using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>The provider form's image-inspector settings applied to that provider's scans.</summary>
public sealed class ProviderInspectorSettingsTests
{
    private static readonly ScanJob Job = new() { JobId = "j", Image = "registry.example/app:1", OutputDirectory = "/results" };

    [Test]
    public void Apply_ProxiesAndCveUrl_OverrideTheDefaults()
    {
        var job = ProviderInspectorSettings.Apply(Job, new ImageInspectorOptions { HttpProxy = " http://proxy:3128 ", NoProxy = ".svc", CveUrl = "https://feeds.example/oval.xml.bz2" });

        Assert.That(job.Proxy, Is.EqualTo(new ScanProxy("http://proxy:3128", null, ".svc")));
        Assert.That(job.CveUrl, Is.EqualTo("https://feeds.example/oval.xml.bz2"));
    }

    [Test]
    public void Apply_AScansOwnFeed_StillWins() =>
        Assert.That(ProviderInspectorSettings.Apply(Job with { CveUrl = "file:///mine.xml" }, new ImageInspectorOptions { CveUrl = "https://feeds.example/x" }).CveUrl, Is.EqualTo("file:///mine.xml"));

    [Test]
    public void Apply_NothingSet_LeavesTheJob()
    {
        Assert.That(ProviderInspectorSettings.Apply(Job, null), Is.SameAs(Job));
        Assert.That(ProviderInspectorSettings.Apply(Job, new ImageInspectorOptions { HttpProxy = "  " }), Is.EqualTo(Job));
    }

    [Test]
    public void IgnoredFields_NameTheLegacyImageFields() =>
        Assert.That(ProviderInspectorSettings.IgnoredFields(new ImageInspectorOptions { Registry = "docker.io", ImageTag = "2.1", HttpProxy = "http://p" }), Is.EqualTo((string[])["registry", "image_tag"]));

    [Test]
    public void ToString_NeverShowsAProxyValue()
    {
        Assert.That(new ScanProxy("http://u:secret@p", null, null).ToString(), Does.Not.Contain("secret"));
        Assert.That(new ImageInspectorOptions { HttpsProxy = "http://u:secret@p" }.ToString(), Does.Not.Contain("secret"));
    }
}

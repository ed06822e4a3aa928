using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Tests.Scanning;

public class ContentFingerprintTests
{
    [Test]
    public void ToString_AllKeysInOrder_ValuesEscaped()
    {
        var fingerprint = new ContentFingerprint
        {
            DataStream = "ssg-debian12-ds.xml",
            BenchmarkVersion = "0.1.76",
            Profile = "xccdf_org.ssgproject.content_profile_standard",
            Tailoring = "xccdf_org.manageiq.openscap_profile_standard_with_cve_feed",
            TailoringContent = "sha256:ab",
            CveFeed = "https://feeds.example/oval.xml.bz2?a=1;b",
            CveFeedMode = "local-files",
            CveFeedVersion = "\"5f3-abc\"",
            CveFeedDate = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(1)),
            CveFeedSlim = ContentFingerprint.SlimOn,
            OscapVersion = "1.3.7",
            ProjectVersion = "1.2.3",
        };

        Assert.That(fingerprint.ToString(), Is.EqualTo(
            "ds=ssg-debian12-ds.xml;benchmark=0.1.76;profile=xccdf_org.ssgproject.content_profile_standard;" +
            "tailoring=xccdf_org.manageiq.openscap_profile_standard_with_cve_feed;tailoring-sha256=sha256:ab;cve=https://feeds.example/oval.xml.bz2?a%3D1%3Bb;" +
            "cve-mode=local-files;cve-version=\"5f3-abc\";cve-date=2026-11-01T11:00:00Z;cve-slim=on;oscap=1.3.7;miq-openscap=1.2.3"));
    }

    [Test]
    public void ToString_NoFeed_KeepsEveryKeyWithAnEmptyValue()
    {
        var text = new ContentFingerprint { DataStream = "ds.xml", Profile = "p", ProjectVersion = "1" }.ToString();
        Assert.That(text, Is.EqualTo("ds=ds.xml;benchmark=;profile=p;tailoring=;tailoring-sha256=;cve=;cve-mode=;cve-version=;cve-date=;cve-slim=;oscap=;miq-openscap=1"));
    }

    [Test]
    public void ToString_AnotherTailoringContent_IsAnotherFingerprint()
    {
        var one = new ContentFingerprint { DataStream = "ds.xml", Profile = "p", Tailoring = "p", TailoringContent = "sha256:01" };

        Assert.That((one with { TailoringContent = "sha256:02" }).ToString(), Is.Not.EqualTo(one.ToString()));
    }

    [Test]
    public void ToString_AnotherFeedVersion_IsAnotherFingerprint()
    {
        var one = new ContentFingerprint { DataStream = "ds.xml", Profile = "p", CveFeed = "f", CveFeedVersion = "\"1\"" };
        Assert.That((one with { CveFeedVersion = "\"2\"" }).ToString(), Is.Not.EqualTo(one.ToString()));
        Assert.That((one with { CveFeedSlim = ContentFingerprint.SlimOn }).ToString(), Is.Not.EqualTo((one with { CveFeedSlim = ContentFingerprint.SlimOff }).ToString()));
    }
}

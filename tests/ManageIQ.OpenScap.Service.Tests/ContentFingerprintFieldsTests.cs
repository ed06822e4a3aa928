using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Service.Tests;

[TestFixture]
public sealed class ContentFingerprintFieldsTests
{
    [Test]
    public void Fields_ReadBackWhatToStringWrote()
    {
        var fingerprint = new ContentFingerprint { DataStream = "ssg-debian12-ds.xml", Profile = "standard", CveFeedVersion = "\"a;b=c%\"" };
        var fields = ContentFingerprint.Fields(fingerprint.ToString());
        Assert.That((fields["ds"], fields["profile"], fields["cve-version"], fields["tailoring"], fields["miq-openscap"]), Is.EqualTo(("ssg-debian12-ds.xml", "standard", "\"a;b=c%\"", string.Empty, ContentFingerprint.CurrentProjectVersion)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("no pairs here")]
    public void Fields_OfSomethingElse_AreEmpty(string? text) =>
        Assert.That(ContentFingerprint.Fields(text), Is.Empty);
}

namespace ManageIQ.OpenScap.Publishing.Tests;

/// <summary>Where <c>openscap_report_url</c> points: the bridge's public address, its path prefix kept.</summary>
public sealed class ReportLinksTests
{
    [TestCase("https://bridge.example", "https://bridge.example/reports/container_images/7")]
    [TestCase("https://bridge.example/", "https://bridge.example/reports/container_images/7")]
    [TestCase("https://apps.example/openscap", "https://apps.example/openscap/reports/container_images/7")]
    [TestCase("https://apps.example/openscap/", "https://apps.example/openscap/reports/container_images/7")]
    [TestCase("http://127.0.0.1:8443/", "http://127.0.0.1:8443/reports/container_images/7")]
    public void ImageReport_KeepsThePrefix(string publicUrl, string expected) =>
        Assert.That(ReportLinks.ImageReport(new Uri(publicUrl), 7).AbsoluteUri, Is.EqualTo(expected));

    [Test]
    public void ImageReport_NonPositiveId_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportLinks.ImageReport(new Uri("https://bridge.example/"), 0));
}

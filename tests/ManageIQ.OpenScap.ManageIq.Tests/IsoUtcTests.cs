using ManageIQ.OpenScap.ManageIq.Http;

namespace ManageIQ.OpenScap.ManageIq.Tests;

public sealed class IsoUtcTests
{
    [TestCase("2026-02-03T04:05:06Z", true)]
    [TestCase("2024-02-29T23:59:59Z", true)]
    [TestCase("2026-02-29T00:00:00Z", false)]
    [TestCase("2026-13-01T00:00:00Z", false)]
    [TestCase("2026-02-03T24:00:00Z", false)]
    [TestCase("2026-02-03 04:05:06Z", false)]
    [TestCase("2026-02-03T04:05:06+02:00", false)]
    [TestCase("2026-0a-03T04:05:06Z", false)]
    public void TryParse_ManageIqFormatOnly_MatchesGeneralParser(string text, bool expected)
    {
        Assert.That(IsoUtc.TryParse(text, out var value), Is.EqualTo(expected));
        if (expected)
        {
            Assert.That(value, Is.EqualTo(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

using ManageIQ.OpenScap.ManageIq.Probing;

namespace ManageIQ.OpenScap.ManageIq.Tests.Probing;

public sealed class ManageIqApiVersionTests
{
    [TestCase("4.4.0-pre", 4, 4, 0, "pre")]
    [TestCase("4.2.0", 4, 2, 0, null)]
    [TestCase("3.0", 3, 0, 0, null)]
    public void TryParse_ManageIqVersions_ReadsEachPart(string text, int major, int minor, int patch, string? pre)
    {
        Assert.That(ManageIqApiVersion.TryParse(text, out var version), Is.True);
        Assert.That(version, Is.EqualTo(new ManageIqApiVersion(major, minor, patch, pre)));
        Assert.That(version!.ToString(), Is.EqualTo(text.Count(c => c == '.') == 1 ? text + ".0" : text));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("v4.2.0")]
    [TestCase("4")]
    [TestCase("4.2.0 ")]
    [TestCase("4.2.x")]
    [TestCase("99999999999.0.0")]
    public void TryParse_NotAVersion_IsFalse(string? text) => Assert.That(ManageIqApiVersion.TryParse(text, out _), Is.False);

    [TestCase("4.2.0-pre", "4.2.0")]
    [TestCase("4.1.0", "4.2.0-pre")]
    [TestCase("4.2.0", "4.3.0-pre")]
    [TestCase("4.3.0", "4.4.0-pre")]
    [TestCase("4.9.0", "4.10.0")]
    public void Order_IsSemantic(string lower, string higher)
    {
        var low = Parse(lower);
        var high = Parse(higher);
        var lowerFirst = low < high;
        var higherAbove = high > low;
        Assert.That(lowerFirst && higherAbove && low <= high && high >= low && !(high <= low), Is.True);
        Assert.That((Math.Sign(low.CompareTo(high)), Math.Sign(high.CompareTo(low)), low.CompareTo(low)), Is.EqualTo((-1, 1, 0)));
    }

    [TestCase("4.1.0", false)]
    [TestCase("4.2.0-pre", false)]
    [TestCase("4.2.0", true)]
    [TestCase("4.4.0-pre", true)]
    public void SupportedManageIq_FloorIsJansasApi(string text, bool supported)
    {
        Assert.That((SupportedManageIq.Supports(Parse(text)), SupportedManageIq.MinimumApiVersion.ToString(), SupportedManageIq.MinimumRelease), Is.EqualTo((supported, "4.2.0", "Jansa")));
    }

    private static ManageIqApiVersion Parse(string text) =>
        ManageIqApiVersion.TryParse(text, out var version) ? version! : throw new AssertionException($"{text} does not parse");
}

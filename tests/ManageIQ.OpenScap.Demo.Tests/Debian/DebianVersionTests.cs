using System.Diagnostics;
using ManageIQ.OpenScap.Demo.Debian;

namespace ManageIQ.OpenScap.Demo.Tests.Debian;

/// <summary>Debian versions ordered as dpkg orders them, checked against the real <c>dpkg --compare-versions</c>.</summary>
public sealed class DebianVersionTests
{
    private static readonly string[][] Pairs =
    [
        ["1.0~rc1", "1.0"],
        ["1.0", "1.0+deb12u1"],
        ["1.0-1", "1.0-1+deb12u1"],
        ["3.0.11-1~deb12u2", "3.0.15-1~deb12u1"],
        ["1:0.1", "2:0.0"],
        ["2.0", "1:0.1"],
        ["1.2.13.dfsg-1", "1.2.13.dfsg-1+deb12u1"],
        ["5.2.15-2+b7", "5.2.15-2+b13"],
        ["1.0a", "1.0b"],
        ["1.0~", "1.0"],
        ["1.0~~", "1.0~"],
        ["1.0", "1.0.1"],
        ["1.0-1", "1.0-1.1"],
        ["2026b-0+deb12u1", "2026f-0+deb12u1"],
        ["9", "10"],
        ["1.0-9", "1.0-10"],
    ];

    [Test]
    public void Compare_KnownPairs_LowerFirst()
    {
        foreach (var pair in Pairs)
        {
            var (low, high) = (DebianVersion.Parse(pair[0]), DebianVersion.Parse(pair[1]));
            Assert.That(low < high && high > low && low != high, Is.True, $"{pair[0]} < {pair[1]}");
        }
    }

    [TestCase("1.0", "1.00")]
    [TestCase("1.0", "1.")]
    [TestCase("0:1.0-1", "1.0-1")]
    [TestCase("1.007", "1.7")]
    public void Compare_EquivalentSpellings_AreEqualWithTheSameHash(string a, string b)
    {
        var (x, y) = (DebianVersion.Parse(a), DebianVersion.Parse(b));
        Assert.That(x, Is.EqualTo(y));
        Assert.That(x.GetHashCode(), Is.EqualTo(y.GetHashCode()));
    }

    [Test]
    public async Task Compare_AgreesWithDpkg()
    {
        var versions = Pairs.SelectMany(p => p).Concat(["1:1.2.13.dfsg-1", "1.2.13.dfsg-1+deb12u1", "0.9~beta", "10.0", "1.0+dfsg", "1.0.0"]).Distinct().ToList();
        foreach (var a in versions)
        {
            foreach (var b in versions)
            {
                var ours = Math.Sign(DebianVersion.Parse(a).CompareTo(DebianVersion.Parse(b)));
                var dpkg = await DpkgAsync(a, "lt", b) ? -1 : await DpkgAsync(a, "eq", b) ? 0 : 1;
                Assert.That(ours, Is.EqualTo(dpkg), $"{a} vs {b}");
            }
        }
    }

    [TestCase("3.0.15-1~deb12u1", "0:3.0.15-1~deb12u1")]
    [TestCase("1:1.2.13.dfsg-1+deb12u1", "1:1.2.13.dfsg-1+deb12u1")]
    [TestCase("2.6.2", "0:2.6.2")]
    [TestCase("1:2.3-4-5", "1:2.3-4-5")]
    public void Evr_AlwaysWritesTheEpoch(string text, string evr) =>
        Assert.That(DebianVersion.Parse(text).Evr, Is.EqualTo(evr));

    [TestCase("")]
    [TestCase("a1.0")]
    [TestCase("1.0-")]
    [TestCase(":1.0")]
    [TestCase("x:1.0")]
    [TestCase("1.0 2")]
    [TestCase("1.0-1_2")]
    public void TryParse_NotAVersion_IsRefused(string text)
    {
        Assert.That(DebianVersion.TryParse(text, out _), Is.False);
        Assert.Throws<FormatException>(() => DebianVersion.Parse(text));
    }

    [Test]
    public void TryParse_TooLong_IsRefused() =>
        Assert.That(DebianVersion.TryParse("1." + new string('1', DebianVersion.MaxLength), out _), Is.False);

    private static async Task<bool> DpkgAsync(string a, string relation, string b)
    {
        using var process = Process.Start(new ProcessStartInfo("dpkg", ["--compare-versions", a, relation, b]) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }
}

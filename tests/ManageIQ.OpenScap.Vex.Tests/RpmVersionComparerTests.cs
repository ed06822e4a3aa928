using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Vex.Tests;

/// <summary>The comparer against rpm's own <c>rpm.vercmp</c> (Debian's rpm 4.18, installed by tests/setup.sh).</summary>
public class RpmVersionComparerTests
{
    private static readonly (string, string)[] Pairs =
    [
        ("1.0", "1.0"), ("1.0", "1.1"), ("1.10", "1.9"), ("1.0a", "1.0"), ("1.0", "1.0.1"), ("2.0~rc1", "2.0"), ("2.0^1", "2.0"),
        ("2.0^1", "2.0.1"), ("1.0~rc1", "1.0~rc2"), ("a", "1"), ("001", "1"), ("1.0.el9", "1.0.el9_4"), ("3.0.7-27.el9", "3.0.7-27.el9_4.1"),
        ("27.el9_4.1", "28.el9"), ("1_0", "1.0"), ("alpha", "beta"), ("1.0++", "1.0"),
    ];

    [Test]
    public void Compare_AgreesWithRpmVercmp()
    {
        foreach (var (a, b) in Pairs)
        {
            var rpm = int.Parse(Shell.Output("rpm", "--eval", $"%{{lua: print(rpm.vercmp(\"{a}\", \"{b}\"))}}").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(Math.Sign(Segments(a, b)), Is.EqualTo(rpm), $"{a} vs {b}");
        }
    }

    [Test]
    public void Compare_EpochFirstThenVersionThenRelease()
    {
        Assert.That(RpmVersionComparer.Instance.Compare("1:1.0-1", "0:9.9-9"), Is.Positive);
        Assert.That(RpmVersionComparer.Instance.Compare("0:1.0-2", "1.0-10"), Is.Negative);
        Assert.That(RpmVersionComparer.Instance.Compare("0:3.2.2-16.el10_0.1", "0:3.2.2-16.el10"), Is.Positive);
        Assert.That(RpmVersionComparer.Instance.Compare("0:1.0-1", "1.0-1"), Is.Zero);
    }

    // A version alone (no dash, no colon) compares as the version part.
    private static int Segments(string a, string b) => RpmVersionComparer.Instance.Compare("0:" + a + "-", "0:" + b + "-");
}

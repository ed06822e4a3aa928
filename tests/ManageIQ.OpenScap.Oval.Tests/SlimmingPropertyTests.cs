using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Oval.Tests;

/// <summary>
/// Over random criteria trees, the slimmer never leaves out a definition the reference evaluator can find true: for
/// every dropped definition, every assignment of the tests the reference cannot decide gives false.
/// </summary>
public sealed class SlimmingPropertyTests
{
    private static readonly string[] Present = ["openssl", "libssl3", "bash", "login", "tzdata", "base-files"];
    private static readonly string[] Missing = ["nginx", "apache2", "postgresql-15", "linux", "chromium", "firefox-esr", "libxml2", "curl"];

    [Test]
    public void Slim_RandomTrees_DropsOnlyDefinitionsFalseUnderEveryAssignment([Range(1, 12)] int seed)
    {
        using var directory = new TempDirectory();
        var feed = new RandomOvalFeed(seed, definitions: 400, Present, Missing);
        var full = directory.Combine("feed.xml");
        var slim = directory.Combine("slim.xml");
        feed.Write(full);

        var result = new OvalFeedSlimmer(new OvalSlimLimits()).Slim(full, slim, new ImagePackages(Present.ToHashSet(StringComparer.Ordinal), null), CancellationToken.None);

        var kept = OvalResults.Ids(slim, "definitions");
        Assert.That(result.KeptDefinitions, Is.EqualTo(kept.Count));
        var random = new Random(seed * 7919);
        var dropped = 0;
        for (var d = 0; d < feed.Count; d++)
        {
            if (kept.Contains(RandomOvalFeed.DefinitionId(d)))
            {
                continue;
            }

            dropped++;
            for (var assignment = 0; assignment < 32; assignment++)
            {
                var values = Enumerable.Range(0, feed.TestCount).Select(_ => random.Next(2) == 0).ToArray();
                Assert.That(feed.Evaluate(d, t => values[t]), Is.False, $"definition {d} was dropped but is true under assignment {assignment}");
            }
        }

        // Both outcomes occur, so the property says something.
        Assert.That(dropped, Is.InRange(feed.Count / 20, feed.Count - (feed.Count / 20)));
    }

    [Test]
    public void Slim_RandomTrees_KeepsEveryDefinitionTrueUnderSomeAssignment()
    {
        using var directory = new TempDirectory();
        var feed = new RandomOvalFeed(99, definitions: 600, Present, Missing);
        var full = directory.Combine("feed.xml");
        var slim = directory.Combine("slim.xml");
        feed.Write(full);

        new OvalFeedSlimmer(new OvalSlimLimits()).Slim(full, slim, new ImagePackages(Present.ToHashSet(StringComparer.Ordinal), null), CancellationToken.None);

        var kept = OvalResults.Ids(slim, "definitions");
        var random = new Random(5);
        for (var d = 0; d < feed.Count; d++)
        {
            for (var assignment = 0; assignment < 16; assignment++)
            {
                var values = Enumerable.Range(0, feed.TestCount).Select(_ => random.Next(2) == 0).ToArray();
                if (feed.Evaluate(d, t => values[t]))
                {
                    Assert.That(kept, Does.Contain(RandomOvalFeed.DefinitionId(d)));
                    break;
                }
            }
        }
    }
}

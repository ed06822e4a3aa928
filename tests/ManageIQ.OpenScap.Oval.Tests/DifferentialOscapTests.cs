using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Oval.Tests;

/// <summary>
/// The differential proof with the real oscap: the definitions <c>oscap oval eval</c> finds true are the same with
/// the whole feed and with the slimmed one, on a synthetic root and on a real Debian 12 minbase root.
/// </summary>
[Category("Oscap")]
public sealed class DifferentialOscapTests
{
    [Test]
    public async Task SyntheticFeed_OnSyntheticRoot_SameTrueDefinitions()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("root");
        SyntheticDebianRoot.Write(root);
        var feed = directory.Combine("feed.xml");
        SyntheticCveFeed.Write(feed, 3000, SyntheticDebianRoot.DefaultPackages);

        var (full, slim, result) = await CompareAsync(directory, root, feed, DpkgStatusNames.Read(root).Names);

        Assert.Multiple(() =>
        {
            Assert.That(slim, Is.EqualTo(full));
            Assert.That(full, Has.Count.EqualTo(200), "a third of the fifth on installed packages is vulnerable");
            Assert.That(result.Definitions, Is.EqualTo(3000));
            Assert.That(result.KeptDefinitions, Is.EqualTo(600), "only the fifth on installed packages could be true");
        });
    }

    [Test]
    public async Task RealisticFeed_OnDebianMinbaseRoot_SameTrueDefinitions()
    {
        using var directory = new TempDirectory();
        var root = DebianMinbase.Root;
        var (packages, names) = DpkgStatusNames.Read(root);
        var feed = directory.Combine("feed.xml.bz2");
        SyntheticCveFeed.Write(directory.Combine("feed.xml"), 4000, packages, SyntheticFeedShape.DebianArchive);
        Shell.Run("bzip2", directory.Combine("feed.xml"));

        var (full, slim, result) = await CompareAsync(directory, root, feed, names);

        Assert.Multiple(() =>
        {
            Assert.That(slim, Is.EqualTo(full));
            Assert.That(full, Is.Not.Empty);
            Assert.That(result.KeptDefinitions, Is.EqualTo(4000 / 33));
        });
    }

    [Test]
    public async Task RandomCriteriaTrees_OnSyntheticRoot_SameTrueDefinitionsAndNoneDroppedThatOscapFindsTrue([Values(11, 12)] int seed)
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("root");
        SyntheticDebianRoot.Write(root);
        var present = SyntheticDebianRoot.DefaultPackages.Select(p => p.Name).ToList();
        var random = new RandomOvalFeed(seed, 300, present, ["nginx", "apache2", "curl", "libxml2", "chromium"]);
        var feed = directory.Combine("feed.xml");
        random.Write(feed);

        var (full, slim, result) = await CompareAsync(directory, root, feed, present.ToHashSet(StringComparer.Ordinal));
        var kept = OvalResults.Ids(directory.Combine("slim.xml"), "definitions");

        Assert.Multiple(() =>
        {
            Assert.That(slim, Is.EqualTo(full));
            Assert.That(full.Except(kept), Is.Empty, "a definition oscap finds true was dropped");
            Assert.That(result.KeptDefinitions, Is.LessThan(result.Definitions));

            // The reference evaluator is oscap where it decides: its semantics of check_existence are oscap's.
            var tests = OvalResults.TestResults(directory.Combine("full-results.xml"));
            for (var t = 0; t < random.TestCount; t++)
            {
                if (random.TestValue(t) is { } expected && tests.TryGetValue(RandomOvalFeed.TestId(t), out var actual))
                {
                    Assert.That(actual, Is.EqualTo(expected ? "true" : "false"), random.Describe(t));
                }
            }

            for (var d = 0; d < random.Count; d++)
            {
                var whenFreeTrue = random.Evaluate(d, _ => true);
                if (whenFreeTrue == random.Evaluate(d, _ => false))
                {
                    Assert.That(full.Contains(RandomOvalFeed.DefinitionId(d)), Is.EqualTo(whenFreeTrue), $"definition {d}");
                }
            }
        });
    }

    private static async Task<(SortedSet<string> Full, SortedSet<string> Slim, OvalSlimResult Result)> CompareAsync(TempDirectory directory, string root, string feed, HashSet<string> names)
    {
        var slimPath = directory.Combine("slim.xml");
        var result = new OvalFeedSlimmer(new OvalSlimLimits()).Slim(feed, slimPath, new ImagePackages(names, null), CancellationToken.None);
        var full = await EvaluateAsync(directory, root, feed, "full");
        var slim = await EvaluateAsync(directory, root, slimPath, "slim");
        return (full, slim, result);
    }

    private static async Task<SortedSet<string>> EvaluateAsync(TempDirectory directory, string root, string feed, string name)
    {
        var work = Directory.CreateDirectory(directory.Combine("work-" + name)).FullName;
        var results = directory.Combine(name + "-results.xml");
        var run = await Oscap.RunAsync(root, work, ["oval", "eval", "--results", results, feed]);
        Assert.That(run.ExitCode, Is.Zero, $"oscap oval eval {name}: {run.StandardError}");
        return OvalResults.TrueDefinitions(results);
    }
}

using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Demo.Display;
using ManageIQ.OpenScap.Demo.Images;
using ManageIQ.OpenScap.Demo.Tests.Feeds;
using ManageIQ.OpenScap.Demo.Tests.Support;
using ManageIQ.OpenScap.State;
using ManageIQ.OpenScap.State.Results;
using ManageIQ.OpenScap.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Demo.Tests.Runs;

/// <summary>
/// <c>bridge demo</c>'s run twice on one work directory, with everything real but the roots (synthetic, not mmdebstrap)
/// and the security archive (a flat one on 127.0.0.1): umoci, skopeo, docker-registry, the emulator, the service with
/// the local backend and oscap. The second run reuses the images, the feed and the store and scans nothing, yet ends
/// with the same table and the same attributes in ManageIQ.
/// </summary>
[NonParallelizable]
[CancelAfter(900_000)]
public sealed partial class DemoRunTests
{
    private static readonly DemoImageSpec Point = new("test/point", "1", "the point release", ["bookworm"]);
    private static readonly DemoImageSpec Updated = new("test/updated", "1", "with the security updates", ["bookworm", "bookworm-security"]);

    private static readonly Dictionary<string, IReadOnlyList<DebianPackage>> Roots = new()
    {
        [Point.Repository] = [new("zlib1g", "1:1.2.13.dfsg-1"), new("libpam0g", "1.5.2-6+deb12u1"), new("apt", "2.6.1"), new("bash", "5.2.15-2+b7"), new("base-files", "12.4+deb12u11")],
        [Updated.Repository] = [new("zlib1g", "1:1.2.13.dfsg-1+deb12u1"), new("libpam0g", "1.5.2-6+deb12u3"), new("apt", "2.6.2"), new("bash", "5.2.15-2+b7"), new("base-files", "12.4+deb12u11")],
    };

    [Test]
    public async Task Run_Twice_TheSecondReusesEverythingSkipsBothScansAndShowsTheSameResults(CancellationToken cancellationToken)
    {
        await using var archive = await LocalAptRepository.StartAsync(FeedFixtures.Archive, cancellationToken);
        using var work = new TempDirectory();
        var roots = new SyntheticRootBuilder(Roots);
        var setup = new DemoSetup(new DemoPaths(work.Path), [Point, Updated], roots, archive.Source);

        var (firstCode, first) = await RunAsync(setup, cancellationToken);

        Assert.That(firstCode, Is.Zero, first);
        Assert.That(first, Does.Contain("2 queued for a scan, 0 unchanged"));
        Assert.That(first, Does.Match(@"test/point:1\s+non_compliant\s+failed rules high \d+, medium \d+, low \d+, other \d+; CVEs 6 \(highest medium\)"));
        Assert.That(first, Does.Match(@"test/updated:1\s+\w+\s+failed rules .*; CVEs 0 \(highest none\)"), "the same packages at their fixed versions");
        Assert.That(first, Does.Contain("CVE-2026-27171").And.Contains("SAMPLE feed built: 6 CVEs"));
        Assert.That(Attribute(first, "openscap_status"), Is.EqualTo("non_compliant"), "ManageIQ shows the non-compliant image");
        Assert.That(Attribute(first, "openscap_cves"), Does.Contain("CVE-2025-6020").And.Contain("CVE-2026-109518"));
        Assert.That(first, Does.Contain("Bridge:Compliance:MinCveSeverity=any").And.Contain("The CVE feed is a SAMPLE"));
        Assert.That(roots.Built, Is.EqualTo(2));
        var apt = archive.Requests;

        var (secondCode, second) = await RunAsync(setup, cancellationToken);

        Assert.That(secondCode, Is.Zero, second);
        Assert.That(second, Does.Contain("0 queued for a scan, 2 unchanged since their last result (skipped)"));
        Assert.That(second, Does.Not.Contain(": started"), "no scan ran");
        Assert.That(second, Does.Contain("test/point:1: reused").And.Contain("SAMPLE feed reused"));
        Assert.That((roots.Built, archive.Requests), Is.EqualTo((2, apt)), "no root built, no apt traffic");
        Assert.That(second, Does.Contain("0 of 2 images scanned by this run").And.Match(@"The first run took \d+\.\d s: this one was \d+\.\d times faster"));
        Assert.That(Results(second), Is.EqualTo(Results(first)), "the same table");
        Assert.That(AttributeLines(second), Is.EqualTo(AttributeLines(first)), "ManageIQ shows the same attributes: the emulator started from the store's results");
        Assert.That(await HistoryCountsAsync(setup.Paths.State, [1, 2], cancellationToken), Is.EqualTo(new[] { 1, 1 }), "one result each: nothing was scanned again");
    }

    private static async Task<(int Code, string Output)> RunAsync(DemoSetup setup, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var code = await new DemoRun(setup, new PlainDisplay(output)).RunAsync(cancellationToken);
        await TestContext.Out.WriteLineAsync(output.ToString());
        return (code, output.ToString());
    }

    /// <summary>The table's lines, without the note that a result was kept from an earlier run.</summary>
    private static List<string> Results(string output)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Results (from the bridge's store)", StringComparison.Ordinal));
        return [.. lines.Skip(start).TakeWhile(l => l.Trim().Length > 0).Select(l => KeptFrom().Replace(l, string.Empty))];
    }

    private static List<string> AttributeLines(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("  openscap_", StringComparison.Ordinal))];

    private static string? Attribute(string output, string name) =>
        AttributeLines(output).Select(l => l.Trim().Split(' ', 2)).Where(p => p[0] == name).Select(p => p[1].Trim()).SingleOrDefault();

    private static async Task<int[]> HistoryCountsAsync(string state, long[] ids, CancellationToken cancellationToken)
    {
        await using var provider = new ServiceCollection().AddStateStore(o => o.StateDirectory = state).BuildServiceProvider();
        var store = provider.GetRequiredService<IResultStore>();
        var counts = new List<int>();
        foreach (var id in ids)
        {
            counts.Add((await store.GetHistoryAsync(id, 10, cancellationToken)).Count);
        }

        SqliteConnection.ClearAllPools();
        return [.. counts];
    }

    [GeneratedRegex("; unchanged, kept from .*$")]
    private static partial Regex KeptFrom();
}

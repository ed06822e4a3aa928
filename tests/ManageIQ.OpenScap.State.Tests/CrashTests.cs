using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.TestHost;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>
/// <c>kill -9</c> at each step of recording and posting a result, in a child process held there, then a restart
/// in a new process: the image's attributes end equal to its latest result, each name once, nothing else touched.
/// </summary>
[CancelAfter(120_000)]
[Parallelizable(ParallelScope.None)]
public sealed class CrashTests
{
    private const long Image = 5;

    private static readonly string[] V2Names = ["openscap_status", "openscap_scanned_on", "openscap_scan_id", "openscap_failed_high", "openscap_notes"];

    [TestCase(Failpoints.BeforeCommit)]
    [TestCase(Failpoints.BeforePost)]
    [TestCase(Failpoints.AfterUpsert)]
    [TestCase(Failpoints.BeforeMark)]
    public async Task Publish_KilledAtAFailpoint_RestartConvergesToTheLatestResult(string failpoint, CancellationToken cancellationToken)
    {
        await using var h = await StartWithDeliveredV1Async();
        var signals = h.Directory.Combine("signals");
        Directory.CreateDirectory(signals);

        using (var child = Publish(h, new Dictionary<string, string> { [Failpoints.NamesVariable] = failpoint, [Failpoints.DirectoryVariable] = signals }))
        {
            await child.WaitUntilAsync(() => File.Exists(Path.Combine(signals, failpoint + ".reached")), $"reaching {failpoint}", cancellationToken);
            await child.KillAsync(cancellationToken);
        }

        var committed = failpoint != Failpoints.BeforeCommit;
        await RestartAndCheckAsync(h, committed, cancellationToken);
    }

    /// <summary>
    /// ManageIQ applied the upsert but its answer never came. Held: the emulator handles it and holds the answer
    /// while the child waits for it. Dropped: the emulator closes the connection and the child sits in a
    /// 10-minute retry wait. Either way the child is killed there.
    /// </summary>
    [TestCase("held")]
    [TestCase("dropped")]
    public async Task Publish_KilledWithTheUpsertAppliedButUnanswered_RestartConverges(string answer, CancellationToken cancellationToken)
    {
        await using var h = await StartWithDeliveredV1Async();
        var path = $"/api/container_images/{Image}/custom_attributes";
        if (answer == "held")
        {
            h.Emulator.Faults.DelayAfterHandlingNext(TimeSpan.FromMinutes(10), "POST", path);
        }
        else
        {
            h.Emulator.Faults.DropAfterHandlingNext("POST", path);
        }

        using (var child = Publish(h, new Dictionary<string, string>(), "--retry-base-ms", "600000"))
        {
            await child.WaitUntilAsync(
                () => h.Emulator.Requests.Matching("POST", path).Any(r => r.Action == "add" && r.Fault is not null),
                "the upsert was applied and its answer held or dropped", cancellationToken);
            Assert.That(h.AttributesOf(Image).Single(a => a.Name == "openscap_scan_id").Value, Is.EqualTo("scan-v2"), "applied");
            await child.KillAsync(cancellationToken);
        }

        await RestartAndCheckAsync(h, committed: true, cancellationToken);
    }

    private static async Task<StateHarness> StartWithDeliveredV1Async()
    {
        var h = await StateHarness.StartAsync(Seeds.WithAttributes((Image, "metadata", "owner", "team-a"), (Image, "labels", "release", "2.1")));
        await h.Store.RecordAsync(Results.Of(Image, "scan-v1", Results.Monday, "non_compliant", ("openscap_failed_high", "2"), ("openscap_failed_rules", "rule_a rule_b")));
        Assert.That((await h.Publisher.DeliverAsync(Image)).Status, Is.EqualTo(DeliveryStatus.Delivered));
        await h.RestartAsync();
        return h;
    }

    private static ChildProcess Publish(StateHarness h, Dictionary<string, string> environment, params string[] extra)
    {
        var file = h.Directory.Combine("v2.json");
        ResultFile.Write(file, Results.Of(Image, "scan-v2", Results.Monday.AddDays(1), "compliant", ("openscap_failed_high", "0"), ("openscap_notes", "line\n\"two\"")));
        return ChildProcess.Start(environment, ["publish", "--state", h.StateDirectory, "--miq", h.Emulator.BaseUri.ToString(), "--result", file, .. extra]);
    }

    private static async Task RestartAndCheckAsync(StateHarness h, bool committed, CancellationToken cancellationToken)
    {
        h.Emulator.Requests.Clear();
        using var restart = ChildProcess.Start(new Dictionary<string, string>(), "deliver", "--state", h.StateDirectory, "--miq", h.Emulator.BaseUri.ToString(), "--image", Image.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exit = await restart.WaitForExitAsync(cancellationToken);

        Assert.That(restart.Output, Does.StartWith(committed ? "delivery Delivered" : "delivery NothingWaiting"), restart.Output);
        Assert.That(exit, Is.EqualTo(committed ? 0 : 3));
        Assert.That(h.Emulator.Requests.All.Count(r => r.Path != "/api/auth"), Is.LessThanOrEqualTo(3));

        var attributes = h.AttributesOf(Image);
        Assert.That(attributes.Select(a => a.Name.ToUpperInvariant()), Is.Unique, "no duplicate rows");
        Assert.That(attributes.Where(a => !a.Name.StartsWith("openscap_", StringComparison.Ordinal)), Is.EquivalentTo(new[] { ("metadata", "owner", "team-a"), ("labels", "release", "2.1") }));
        var bridge = attributes.Where(a => a.Name.StartsWith("openscap_", StringComparison.Ordinal)).ToDictionary(a => a.Name, a => a.Value);
        await h.RestartAsync();
        var history = await h.Store.GetHistoryAsync(Image, 10, cancellationToken);
        Assert.That(await h.Store.GetOutboxEntryAsync(Image, cancellationToken), Is.Null, "nothing left waiting");
        if (committed)
        {
            Assert.That(bridge.Keys, Is.EquivalentTo(V2Names));
            Assert.That((bridge["openscap_scan_id"], bridge["openscap_status"], bridge["openscap_failed_high"]), Is.EqualTo(("scan-v2", "compliant", "0")));
            Assert.That(bridge["openscap_notes"], Is.EqualTo("line\n\"two\""), "verbatim");
            Assert.That(history.Select(r => (r.Record.ScanId, r.PostedOn is not null)), Is.EqualTo(new[] { ("scan-v2", true), ("scan-v1", true) }));
        }
        else
        {
            Assert.That(bridge.Keys, Is.EquivalentTo(new[] { "openscap_status", "openscap_scanned_on", "openscap_scan_id", "openscap_failed_high", "openscap_failed_rules" }));
            Assert.That(bridge["openscap_scan_id"], Is.EqualTo("scan-v1"));
            Assert.That(history.Select(r => r.Record.ScanId), Is.EqualTo(new[] { "scan-v1" }), "the uncommitted result is gone");
        }
    }
}

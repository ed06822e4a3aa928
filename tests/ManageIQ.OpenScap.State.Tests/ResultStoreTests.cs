using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Recording results: history, the latest result per image, and ordering of the outbox.</summary>
[CancelAfter(60_000)]
public sealed class ResultStoreTests
{
    [Test]
    public async Task Record_FirstResult_BecomesLatestAndWaitsDueNow()
    {
        var time = new FakeTimeProvider(Results.Monday.AddHours(1));
        await using var h = await StateHarness.StartAsync(time: time);
        var result = Results.Of(3, "scan-1", Results.Monday, "non_compliant", ("openscap_notes", "a\nb \"c\" \\ é"));

        var outcome = await h.Store.RecordAsync(result);

        Assert.That(outcome, Is.EqualTo(new RecordOutcome(outcome.Seq, RecordDisposition.Queued)));
        var latest = await h.Store.GetLatestAsync(3);
        Assert.That((latest!.Seq, latest.Record.ScanId, latest.Record.Digest, latest.Record.Status, latest.Record.ContentFingerprint, latest.Record.ScannedOn, latest.RecordedOn, latest.PostedOn),
            Is.EqualTo((outcome.Seq, "scan-1", result.Digest, "non_compliant", result.ContentFingerprint, Results.Monday, time.GetUtcNow(), (DateTimeOffset?)null)));
        Assert.That(latest.Record.Attributes, Is.EqualTo(result.Attributes), "names, values (verbatim) and field types round-trip");
        Assert.That(latest.Record.Artifacts, Is.EqualTo(result.Artifacts));
        var entry = await h.Store.GetOutboxEntryAsync(3);
        Assert.That((entry!.Seq, entry.Attempts, entry.NextAttemptOn, entry.EnqueuedOn), Is.EqualTo((outcome.Seq, 0, time.GetUtcNow(), time.GetUtcNow())));
        Assert.That(await h.Store.ListDueAsync(time.GetUtcNow(), 10), Is.EqualTo(new[] { 3L }));
        Assert.That(await h.Store.CountWaitingAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Record_NewerWhileOneWaits_SupersedesTheWaitingOneAndResetsItsAttempts()
    {
        var time = new FakeTimeProvider(Results.Monday);
        await using var h = await StateHarness.StartAsync(time: time);
        var first = await h.Store.RecordAsync(Results.Of(3, "scan-1", Results.Monday));
        await h.Store.MarkFailedAsync(3, first.Seq, "ManageIQ down", time.GetUtcNow().AddMinutes(5));
        time.Advance(TimeSpan.FromMinutes(1));

        var second = await h.Store.RecordAsync(Results.Of(3, "scan-2", Results.Monday.AddHours(1)));

        Assert.That((second.Disposition, second.SupersededSeq), Is.EqualTo((RecordDisposition.Queued, (long?)first.Seq)));
        var entry = await h.Store.GetOutboxEntryAsync(3);
        Assert.That((entry!.Seq, entry.Attempts, entry.LastError, entry.NextAttemptOn), Is.EqualTo((second.Seq, 0, (string?)null, time.GetUtcNow())));
        Assert.That(await h.Store.CountWaitingAsync(), Is.EqualTo(1), "one entry per image");
        var history = await h.Store.GetHistoryAsync(3, 10);
        Assert.That(history.Select(r => (r.Record.ScanId, r.Record.Attributes.Count)), Is.EqualTo(new[] { ("scan-2", 3), ("scan-1", 0) }), "only the latest keeps its attributes");
    }

    [Test]
    public async Task Record_OlderThanTheLatest_JoinsTheHistoryOnly()
    {
        await using var h = await StateHarness.StartAsync();
        var newer = await h.Store.RecordAsync(Results.Of(3, "scan-new", Results.Monday));
        await h.Store.MarkDeliveredAsync(3, newer.Seq);

        var older = await h.Store.RecordAsync(Results.Of(3, "scan-old", Results.Monday.AddMinutes(-1), "error"));

        Assert.That(older.Disposition, Is.EqualTo(RecordDisposition.Older));
        Assert.That(older.Seq, Is.GreaterThan(newer.Seq));
        Assert.That((await h.Store.GetLatestAsync(3))!.Record.ScanId, Is.EqualTo("scan-new"));
        Assert.That(await h.Store.GetOutboxEntryAsync(3), Is.Null);
        var history = await h.Store.GetHistoryAsync(3, 10);
        Assert.That(history.Select(r => r.Record.ScanId), Is.EqualTo(new[] { "scan-new", "scan-old" }), "by scan time, not by record order");
        Assert.That(history.Select(r => r.Record.Attributes.Count), Is.EqualTo(new[] { 3, 0 }));
        Assert.That(history[1].Record.Status, Is.EqualTo("error"), "the summary columns stay");
    }

    [Test]
    public async Task Record_OlderWhileTheNewerStillWaits_LeavesTheNewerWaiting()
    {
        await using var h = await StateHarness.StartAsync();
        var newer = await h.Store.RecordAsync(Results.Of(3, "scan-new", Results.Monday));
        await h.Store.RecordAsync(Results.Of(3, "scan-old", Results.Monday.AddSeconds(-1)));
        Assert.That((await h.Store.GetOutboxEntryAsync(3))!.Seq, Is.EqualTo(newer.Seq));
    }

    [Test]
    public async Task Record_SameScanTime_TheLaterRecordWins()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(3, "scan-a", Results.Monday, "compliant"));
        var b = await h.Store.RecordAsync(Results.Of(3, "scan-b", Results.Monday, "non_compliant"));
        Assert.That(b.Disposition, Is.EqualTo(RecordDisposition.Queued));
        Assert.That((await h.Store.GetLatestAsync(3))!.Record.ScanId, Is.EqualTo("scan-b"));
    }

    [Test]
    public async Task Record_SameScanTwice_RecordedOnce()
    {
        await using var h = await StateHarness.StartAsync();
        var result = Results.Of(3, "scan-1", Results.Monday);
        var first = await h.Store.RecordAsync(result);
        var again = await h.Store.RecordAsync(result);
        Assert.That(again, Is.EqualTo(new RecordOutcome(first.Seq, RecordDisposition.AlreadyRecorded)));
        Assert.That(await h.Store.GetHistoryAsync(3, 10), Has.Count.EqualTo(1));

        var e = Assert.ThrowsAsync<ArgumentException>(() => h.Store.RecordAsync(result with { ImageId = 4 }));
        Assert.That(e!.Message, Does.Contain("Scan scan-1 was already recorded for image 3"));
    }

    [Test]
    public async Task MarkDelivered_NewerArrivedMeanwhile_KeepsTheNewerWaiting()
    {
        await using var h = await StateHarness.StartAsync();
        var first = await h.Store.RecordAsync(Results.Of(3, "scan-1", Results.Monday));
        var second = await h.Store.RecordAsync(Results.Of(3, "scan-2", Results.Monday.AddHours(1)));

        Assert.That(await h.Store.MarkDeliveredAsync(3, first.Seq), Is.False);

        Assert.That((await h.Store.GetOutboxEntryAsync(3))!.Seq, Is.EqualTo(second.Seq));
        Assert.That((await h.Store.GetHistoryAsync(3, 10)).Single(r => r.Seq == first.Seq).PostedOn, Is.Not.Null);
        Assert.That(await h.Store.MarkDeliveredAsync(3, second.Seq), Is.True);
        Assert.That(await h.Store.CountWaitingAsync(), Is.Zero);
    }

    [Test]
    public async Task ListDue_FailedEntry_DueOnlyAtItsNextAttempt()
    {
        var time = new FakeTimeProvider(Results.Monday);
        await using var h = await StateHarness.StartAsync(time: time);
        var a = await h.Store.RecordAsync(Results.Of(3, "scan-a", Results.Monday));
        await h.Store.RecordAsync(Results.Of(4, "scan-b", Results.Monday));
        await h.Store.MarkFailedAsync(3, a.Seq, new string('x', 5000), time.GetUtcNow().AddMinutes(2));

        Assert.That(await h.Store.ListDueAsync(time.GetUtcNow(), 10), Is.EqualTo(new[] { 4L }));
        Assert.That(await h.Store.ListDueAsync(time.GetUtcNow().AddMinutes(2), 10), Is.EqualTo(new[] { 4L, 3L }), "longest-due first");
        var entry = await h.Store.GetOutboxEntryAsync(3);
        Assert.That((entry!.Attempts, entry.LastError!.Length), Is.EqualTo((1, 2000)), "stored errors are bounded");
    }

    [Test]
    public async Task Record_Reopened_EverythingIsStillThere()
    {
        await using var h = await StateHarness.StartAsync();
        var outcome = await h.Store.RecordAsync(Results.Of(3, "scan-1", Results.Monday));
        await h.RestartAsync();
        Assert.That((await h.Store.GetOutboxEntryAsync(3))!.Seq, Is.EqualTo(outcome.Seq));
    }

    /// <summary>Also prints the cost of a record (fsync included) and of opening with the integrity check, for docs/state-store.md.</summary>
    [Test]
    public async Task Record_ManyRescans_FileGrowsWithTheImagesNotWithTheScans()
    {
        const int Images = 500;
        const int Rounds = 6;
        var time = new FakeTimeProvider(Results.Monday.AddDays(1));
        await using var h = await StateHarness.StartAsync(time: time);
        var report = new string('r', 16_000);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            for (var image = 1; image <= Images; image++)
            {
                await h.Store.RecordAsync(Results.Of(image, $"scan-{round}-{image}", Results.Monday.AddHours(round), "compliant", ("openscap_report_html", report), ("openscap_cves", new string('c', 2000))));
            }
        }

        var perRecord = clock.Elapsed / (Images * Rounds);
        var cpuPerRecord = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu) / (Images * Rounds);
        await h.Compactor.CompactAsync();
        var opening = System.Diagnostics.Stopwatch.StartNew();
        Database.StateDatabase.Open(h.StateDirectory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var open = opening.Elapsed;

        var latest = (await h.Store.GetLatestAsync(1))!.Record.Attributes.Sum(a => a.Value.Length + a.Name.Length + 30);
        var size = new FileInfo(Path.Combine(h.StateDirectory, "state.db")).Length;
        await TestContext.Out.WriteLineAsync($"{Images} images x {Rounds} results: {size / 1024.0 / 1024.0:F1} MiB ({size / Images} bytes per image, latest attributes {latest} bytes); " +
            $"record {perRecord.TotalMilliseconds:F2} ms ({cpuPerRecord.TotalMilliseconds:F2} ms CPU); open with integrity_check {open.TotalMilliseconds:F0} ms");
        Assert.That(size / Images, Is.LessThan((latest * 1.15) + (Rounds * 400)), "about one latest result's attributes per image, plus small history rows");
    }

    private static IEnumerable<TestCaseData> InvalidResults()
    {
        var good = Results.Of(3, "scan-1", Results.Monday);
        yield return new TestCaseData(good with { ImageId = 0 }, "image id must be positive").SetName("ImageIdZero");
        yield return new TestCaseData(good with { ScanId = string.Empty }, "ScanId is missing").SetName("NoScanId");
        yield return new TestCaseData(good with { Status = string.Empty }, "The status '' is not one of compliant, non_compliant, error").SetName("NoStatus");
        yield return new TestCaseData(good with { Status = "passed" }, "The status 'passed' is not one of").SetName("UnknownStatus");
        yield return new TestCaseData(good with { ScannedOn = default }, "scan time is missing").SetName("NoScanTime");
        yield return new TestCaseData(good with { Attributes = [] }, "1 to 200 attributes").SetName("NoAttributes");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("status", "x")] }, "Attribute status is not a lower-case name starting with openscap_").SetName("NoPrefix");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("openscap_Status", "x")] }, "openscap_Status is not a lower-case").SetName("UpperCase");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("openscap_", "x")] }, "openscap_ is not").SetName("PrefixOnly");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("openscap_x", "x", CustomAttributeInput.ClusterSettingsSection)] }, "in section cluster_settings").SetName("OtherSection");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("openscap_x", "1"), new CustomAttributeInput("openscap_x", "2")] }, "openscap_x appears twice").SetName("Twice");
        yield return new TestCaseData(good with { Attributes = [new CustomAttributeInput("openscap_x", new string('v', ScanResultRecord.MaxValueLength + 1))] }, "the most is 262144").SetName("LongValue");
        yield return new TestCaseData(good with { Artifacts = new Dictionary<string, string> { ["arf"] = string.Empty } }, "artifact arf is missing").SetName("EmptyArtifact");
    }

    [TestCaseSource(nameof(InvalidResults))]
    public async Task Record_InvalidResult_RefusedNamingTheProblemAndNothingWritten(ScanResultRecord result, string expected)
    {
        await using var h = await StateHarness.StartAsync();
        var e = Assert.ThrowsAsync<ArgumentException>(() => h.Store.RecordAsync(result));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(await h.Store.CountWaitingAsync(), Is.Zero);
    }
}

using System.Net;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Delivery to the emulator over loopback: what lands, what is removed, what is never touched, and how many requests.</summary>
[CancelAfter(60_000)]
public sealed class OutboxPublisherTests
{
    [Test]
    public async Task Deliver_ImageWithOldResult_UpsertsVerbatimDeletesStaleLeavesTheRestInThreeRequests()
    {
        await using var h = await StateHarness.StartAsync(Seeds.WithAttributes(
            (2, "metadata", "owner", "team-a"),
            (2, "metadata", "openscap_failed_rules", "xccdf_rule_old"),
            (2, "metadata", "openscap_status", "non_compliant"),
            (2, "metadata", "OPENSCAP_LEGACY", "the bridge's prefix in another case: owned, and stale"),
            (2, "metadata", "my_openscap_note", "kept: not the bridge's prefix"),
            (2, "labels", "release", "16.2")));
        var before = DateTimeOffset.UtcNow;
        var notes = "line one\nline \"two\" with a \\ and <b>markup</b>\ttab, ünïcödé";
        await h.Store.RecordAsync(Results.Of(2, "scan-1", Results.Monday, "compliant", ("openscap_notes", notes), ("openscap_failed_high", "0")));

        var outcome = await h.Publisher.DeliverAsync(2);

        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Delivered), outcome.Error);
        Assert.That((outcome.Upserted, outcome.Deleted, outcome.Requests), Is.EqualTo((5, 2, 3)));
        var attributes = h.AttributesOf(2);
        Assert.That(attributes.Select(a => a.Name), Is.EquivalentTo(new[]
        {
            "owner", "openscap_status", "my_openscap_note", "release", "openscap_scanned_on", "openscap_scan_id", "openscap_notes", "openscap_failed_high",
        }), "each name once; the stale openscap_failed_rules and OPENSCAP_LEGACY are gone");
        Assert.That(attributes.Single(a => a.Name == "owner"), Is.EqualTo(("metadata", "owner", "team-a")));
        Assert.That(attributes.Single(a => a.Name == "release"), Is.EqualTo(("labels", "release", "16.2")));
        Assert.That(attributes.Single(a => a.Name == "my_openscap_note").Value, Is.EqualTo("kept: not the bridge's prefix"));
        Assert.That(attributes.Single(a => a.Name == "openscap_status"), Is.EqualTo(("metadata", "openscap_status", "compliant")));
        Assert.That(attributes.Single(a => a.Name == "openscap_scanned_on").Value, Is.EqualTo("2026-03-02T02:00:00Z"));

        Assert.That(attributes.Single(a => a.Name == "openscap_notes").Value, Is.EqualTo(notes), "verbatim: newline, quotes, backslash, markup, tab, non-ASCII");

        var miq = h.Emulator.Requests.All.Where(r => r.Path != "/api/auth").ToList();
        Assert.That(miq.Select(r => (r.Method, r.Path, r.Action)), Is.EqualTo(new[]
        {
            ("GET", "/api/container_images/2", (string?)null),
            ("POST", "/api/container_images/2/custom_attributes", "add"),
            ("POST", "/api/container_images/2/custom_attributes", "delete"),
        }));
        Assert.That(miq[1].Body, Does.Contain("\"section\":\"metadata\"").And.Not.Contain("labels"));
        Assert.That(await h.Store.GetOutboxEntryAsync(2), Is.Null);
        Assert.That((await h.Store.GetLatestAsync(2))!.PostedOn, Is.GreaterThanOrEqualTo(before));
    }

    [Test]
    public async Task Deliver_AttributesFromThePublishingBuilder_LandAsBuiltAndTheFailedScansExtrasGoLater()
    {
        await using var h = await StateHarness.StartAsync();
        var builder = new OpenScapAttributeBuilder(new PublishingOptions());
        var failed = new PublishedScan
        {
            ScanId = "scan-1", ScannedOn = Results.Monday, Digest = "sha256:" + new string('b', 64),
            Error = "pull failed: the registry answered 401\n(\"unauthorized\")", Notes = ["no CVE feed", "stale content"],
        };
        var first = builder.Build(failed, OpenScapStatus.Error);
        await h.Store.RecordAsync(Results.Of(4, "scan-1", Results.Monday, OpenScapStatusNames.Error) with { Attributes = first });
        Assert.That((await h.Publisher.DeliverAsync(4)).Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(h.AttributesOf(4).Select(a => (a.Name, a.Value)), Is.EquivalentTo(first.Select(a => (a.Name, a.Value))));

        var passed = failed with { ScanId = "scan-2", ScannedOn = Results.Monday.AddDays(1), Error = null, Notes = [], Content = "ssg-debian12-ds.xml" };
        var second = builder.Build(passed, OpenScapStatus.Compliant);
        await h.Store.RecordAsync(Results.Of(4, "scan-2", passed.ScannedOn, OpenScapStatusNames.Compliant) with { Attributes = second });
        var outcome = await h.Publisher.DeliverAsync(4);

        Assert.That((outcome.Status, outcome.Deleted), Is.EqualTo((DeliveryStatus.Delivered, 2)), "openscap_error and openscap_notes are gone");
        Assert.That(h.AttributesOf(4).Select(a => (a.Name, a.Value)), Is.EquivalentTo(second.Select(a => (a.Name, a.Value))));
    }

    [Test]
    public async Task Deliver_NothingStale_ReadsAndUpsertsOnly()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(4, "scan-1", Results.Monday));
        var outcome = await h.Publisher.DeliverAsync(4);
        Assert.That((outcome.Status, outcome.Requests, outcome.Deleted), Is.EqualTo((DeliveryStatus.Delivered, 2, 0)));
        Assert.That(h.Emulator.Requests.All.Count(r => r.Path != "/api/auth"), Is.EqualTo(2));
    }

    [Test]
    public async Task Deliver_SecondResult_RemovesWhatItNoLongerHasAndRewritesNothingTwice()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(4, "scan-1", Results.Monday, "non_compliant", ("openscap_failed_rules", "r1 r2"), ("openscap_cves", "CVE-2026-1")));
        await h.Publisher.DeliverAsync(4);
        await h.Store.RecordAsync(Results.Of(4, "scan-2", Results.Monday.AddDays(1), "compliant", ("openscap_failed_high", "0")));
        var outcome = await h.Publisher.DeliverAsync(4);
        Assert.That((outcome.Status, outcome.Deleted), Is.EqualTo((DeliveryStatus.Delivered, 2)));
        Assert.That(h.AttributesOf(4).Select(a => (a.Name, a.Value)), Is.EquivalentTo(new[]
        {
            ("openscap_status", "compliant"), ("openscap_scanned_on", "2026-03-03T02:00:00Z"), ("openscap_scan_id", "scan-2"), ("openscap_failed_high", "0"),
        }));
    }

    [Test]
    public async Task Deliver_FiveServiceUnavailableThenSuccess_KeptThenDeliveredWithEachAttributeOnce()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(5, "scan-1", Results.Monday, "compliant", ("openscap_failed_high", "0")));
        h.Emulator.Faults.FailNext(HttpStatusCode.ServiceUnavailable, "POST", "/api/container_images/5/custom_attributes", times: 5);

        var before = DateTimeOffset.UtcNow;
        var first = await h.Publisher.DeliverAsync(5);
        var after = DateTimeOffset.UtcNow;

        // The client's default 3 retries end on the 4th 503: the result waits with its attempt counted.
        Assert.That(first.Status, Is.EqualTo(DeliveryStatus.Unreachable));
        Assert.That(first.Error, Does.Contain("503"));
        var waiting = await h.Store.GetOutboxEntryAsync(5);
        Assert.That((waiting!.Attempts, waiting.LastError), Is.EqualTo((1, first.Error)));
        Assert.That(waiting.NextAttemptOn, Is.EqualTo(first.NextAttemptOn));
        Assert.That(waiting.NextAttemptOn, Is.InRange(before.AddSeconds(30), after.AddMinutes(1)), "the outbox's first backoff: half to all of 1 minute");
        Assert.That(h.AttributesOf(5), Is.Empty);
        Assert.That((await h.Publisher.DeliverDueAsync()).Outcomes, Is.Empty, "not due before its next attempt");

        var second = await h.Publisher.DeliverAsync(5);

        Assert.That(second.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(h.AttributesOf(5).Select(a => a.Name), Is.EquivalentTo(new[] { "openscap_status", "openscap_scanned_on", "openscap_scan_id", "openscap_failed_high" }));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/5/custom_attributes").Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 503, 503, 503, 200 }));
        Assert.That(await h.Store.GetOutboxEntryAsync(5), Is.Null);
    }

    [Test]
    public async Task Deliver_AnswersDroppedAfterHandling_RetriedAndEachAttributeStoredOnce()
    {
        await using var h = await StateHarness.StartAsync(Seeds.WithAttributes((5, "metadata", "openscap_error", "old failure")));
        await h.Store.RecordAsync(Results.Of(5, "scan-1", Results.Monday, "compliant", ("openscap_failed_high", "0")));
        h.Emulator.Faults.DropAfterHandlingNext("POST", "/api/container_images/5/custom_attributes", times: 2);

        var outcome = await h.Publisher.DeliverAsync(5);

        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Delivered), outcome.Error);
        var posts = h.Emulator.Requests.Matching("POST", "/api/container_images/5/custom_attributes");
        Assert.That(posts.Select(r => (r.Action, r.Status)), Is.EqualTo(new[] { ("add", 0), ("add", 0), ("add", 200), ("delete", 200) }));
        Assert.That(h.AttributesOf(5).Select(a => a.Name), Is.EquivalentTo(new[] { "openscap_status", "openscap_scanned_on", "openscap_scan_id", "openscap_failed_high" }));
    }

    [Test]
    public async Task Deliver_ManageIqDown_KeepsTheResultWithAttemptAndNextAttempt()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(3, "scan-1", Results.Monday));
        await h.Emulator.StopAsync();

        var outcome = await h.Publisher.DeliverAsync(3);

        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Unreachable));
        Assert.That(outcome.Error, Does.Contain("no answer"));
        var entry = await h.Store.GetOutboxEntryAsync(3);
        Assert.That((entry!.Seq, entry.Attempts), Is.EqualTo((outcome.Seq, 1)));
        Assert.That(entry.NextAttemptOn, Is.GreaterThan(DateTimeOffset.UtcNow));
        Assert.That(h.Logs.GetSnapshot().Any(l => l.Id.Id == 7011), Is.True);
    }

    [Test]
    public async Task DeliverDue_ThreeWaiting_DeliversEachInItsOwnRequests()
    {
        await using var h = await StateHarness.StartAsync();
        foreach (var image in new long[] { 4, 5, 6 })
        {
            await h.Store.RecordAsync(Results.Of(image, $"scan-{image}", Results.Monday));
        }

        var report = await h.Publisher.DeliverDueAsync();

        Assert.That(report.Outcomes.Select(o => (o.ImageId, o.Status)), Is.EquivalentTo(new[] { (4L, DeliveryStatus.Delivered), (5L, DeliveryStatus.Delivered), (6L, DeliveryStatus.Delivered) }));
        Assert.That(await h.Store.CountWaitingAsync(), Is.Zero);
        foreach (var image in new long[] { 4, 5, 6 })
        {
            Assert.That(h.Emulator.Requests.All.Count(r => r.Path.StartsWith($"/api/container_images/{image}/", StringComparison.Ordinal)), Is.LessThanOrEqualTo(3));
        }
    }

    [Test]
    public async Task DeliverDue_ManageIqDown_StopsAtTheFirstAndLeavesTheOthersUntried()
    {
        await using var h = await StateHarness.StartAsync();
        foreach (var image in new long[] { 1, 2, 3 })
        {
            await h.Store.RecordAsync(Results.Of(image, $"scan-{image}", Results.Monday));
        }

        await h.Emulator.StopAsync();
        var report = await h.Publisher.DeliverDueAsync();

        Assert.That((report.Outcomes.Count, report.Left, report.StoppedUnreachable), Is.EqualTo((1, 2, true)));
        Assert.That((await h.Store.GetOutboxEntryAsync(2))!.Attempts, Is.Zero);
        Assert.That(await h.Store.CountWaitingAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task Deliver_BadValueRefusedByManageIq_RejectedAndKept()
    {
        await using var h = await StateHarness.StartAsync();
        var result = Results.Of(4, "scan-1", Results.Monday);
        result = result with { Attributes = [.. result.Attributes, new ManageIq.Models.CustomAttributeInput("openscap_feed_updated_on", "not a date", fieldType: "DateTime")] };
        await h.Store.RecordAsync(result);

        var outcome = await h.Publisher.DeliverAsync(4);

        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Rejected));
        Assert.That(outcome.Error, Does.Contain("400").And.Contain("Invalid DateTime value"));
        Assert.That((await h.Store.GetOutboxEntryAsync(4))!.Attempts, Is.EqualTo(1));
        Assert.That(h.AttributesOf(4), Is.Empty, "ManageIQ validates every resource before writing any");
    }

    [Test]
    public async Task Deliver_ImageGoneFromManageIq_AbandonedAndKeptInHistory()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(999, "scan-1", Results.Monday));
        var outcome = await h.Publisher.DeliverAsync(999);
        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Abandoned));
        Assert.That(await h.Store.GetOutboxEntryAsync(999), Is.Null);
        Assert.That((await h.Store.GetLatestAsync(999))!.PostedOn, Is.Null);
    }

    [Test]
    public async Task Deliver_NameHeldByALabel_NeitherWrittenNorDeleted()
    {
        await using var h = await StateHarness.StartAsync(Seeds.WithAttributes((6, "labels", "openscap_status", "from-the-dockerfile"), (6, "docker_labels", "openscap_notes", "label")));
        await h.Store.RecordAsync(Results.Of(6, "scan-1", Results.Monday));

        var outcome = await h.Publisher.DeliverAsync(6);

        Assert.That(outcome.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(outcome.Skipped, Is.EqualTo(new[] { "openscap_status" }));
        Assert.That(h.AttributesOf(6), Is.EquivalentTo(new[]
        {
            ("labels", "openscap_status", "from-the-dockerfile"), ("docker_labels", "openscap_notes", "label"),
            ("metadata", "openscap_scanned_on", "2026-03-02T02:00:00Z"), ("metadata", "openscap_scan_id", "scan-1"),
        }));
        Assert.That(h.Logs.GetSnapshot().Count(l => l.Id.Id == 7014), Is.EqualTo(1));
    }

    [Test]
    public async Task Deliver_NothingWaiting_SendsNothing()
    {
        await using var h = await StateHarness.StartAsync();
        Assert.That((await h.Publisher.DeliverAsync(1)).Status, Is.EqualTo(DeliveryStatus.NothingWaiting));
        Assert.That(h.Emulator.Requests.Count, Is.Zero);
    }

    [Test]
    public async Task Deliver_NewerRecordedWhileWaiting_PostsOnlyTheNewer()
    {
        await using var h = await StateHarness.StartAsync();
        await h.Store.RecordAsync(Results.Of(1, "scan-1", Results.Monday, "non_compliant", ("openscap_failed_high", "3")));
        await h.Store.RecordAsync(Results.Of(1, "scan-2", Results.Monday.AddHours(1), "compliant", ("openscap_failed_high", "0")));
        await h.Publisher.DeliverAsync(1);
        Assert.That(h.AttributesOf(1).Where(a => a.Section == "metadata").Select(a => (a.Name, a.Value)), Is.EquivalentTo(new[]
        {
            ("openscap_status", "compliant"), ("openscap_scanned_on", "2026-03-02T03:00:00Z"), ("openscap_scan_id", "scan-2"), ("openscap_failed_high", "0"),
        }));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/1/custom_attributes"), Has.Count.EqualTo(1));

        // An older scan recorded later changes nothing in ManageIQ.
        var older = await h.Store.RecordAsync(Results.Of(1, "scan-0", Results.Monday.AddHours(-1), "error"));
        Assert.That(older.Disposition, Is.EqualTo(RecordDisposition.Older));
        Assert.That((await h.Publisher.DeliverAsync(1)).Status, Is.EqualTo(DeliveryStatus.NothingWaiting));
        Assert.That(h.AttributesOf(1).Single(a => a.Name == "openscap_status").Value, Is.EqualTo("compliant"));
    }
}

using ManageIQ.OpenScap.Compliance.Tests.Evaluation;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ManageIQ.OpenScap.Compliance.Tests.Waivers;

/// <summary>The waiver file changing under a running catalog, going bad, and its waivers expiring.</summary>
public sealed class WaiverCatalogTests
{
    private static readonly int[] LoadedThenReloaded = [9500, 9501];
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public void Refresh_TheFileChanged_TakesTheNewVersion()
    {
        using var directory = new TempDirectory();
        var file = Write(directory, WaiverTableTests.File(["CVE-2026-0001"], null, null, null, "2027-01-31"), 1);
        var (catalog, _, logs) = Catalog(file);
        Assert.That(catalog.Current.Waivers, Has.Count.EqualTo(1));

        Write(directory, WaiverTableTests.File(["CVE-2026-0001", "CVE-2026-0002"], null, null, null, "2027-01-31"), 2);
        var change = catalog.Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(change.Reloaded, Is.True);
            Assert.That(change.ChangesVerdicts, Is.True);
            Assert.That(catalog.Current.Waivers, Has.Count.EqualTo(2));
            Assert.That(logs.GetSnapshot().Select(r => r.Id.Id), Is.EqualTo(LoadedThenReloaded));
            Assert.That(catalog.Refresh().ChangesVerdicts, Is.False, "an unchanged file is not taken again");
        });
    }

    [Test]
    public void Refresh_TheFileWentBad_IsRefusedNamingTheLineAndThePreviousWaiversStay()
    {
        using var directory = new TempDirectory();
        var file = Write(directory, WaiverTableTests.File(["CVE-2026-0001"], null, null, null, "2027-01-31"), 1);
        var (catalog, _, logs) = Catalog(file);
        _ = catalog.Current;

        Write(directory, "waivers:\n  - id: CVE-2026-0001\n    owner: o\n", 2);
        var change = catalog.Refresh();

        var refused = logs.GetSnapshot().Single(r => r.Id.Id == 9502);
        Assert.Multiple(() =>
        {
            Assert.That(change.Reloaded, Is.False);
            Assert.That(catalog.Current.Waivers.Single().Id, Is.EqualTo("CVE-2026-0001"));
            Assert.That(refused.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(refused.Message, Does.Contain($"Waiver file {file}, line 2: the waiver has no 'reason'"));
        });
    }

    [Test]
    public void Refresh_AWaiverExpired_LogsItOnceAndAsksForANewVerdict()
    {
        using var directory = new TempDirectory();
        var file = Write(directory, WaiverTableTests.File(["CVE-2026-0001"], null, null, null, "2026-12-03"), 1);
        var (catalog, time, logs) = Catalog(file);
        _ = catalog.Current;
        Assert.That(catalog.Refresh().ChangesVerdicts, Is.False, "still holds before midnight");

        time.Advance(TimeSpan.FromHours(1));
        var change = catalog.Refresh();
        time.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(change.Expired.Single().Id, Is.EqualTo("CVE-2026-0001"));
            Assert.That(catalog.Refresh().ChangesVerdicts, Is.False, "an expiry is told once");
            var expired = logs.GetSnapshot().Single(r => r.Id.Id == 9503);
            Assert.That(expired.Message, Is.EqualTo("Waiver of CVE-2026-0001 (owner alice@example.com, line 2) expired after 2026-12-03: its findings count again"));
        });
    }

    [Test]
    public void Current_WithoutAFile_HasNoWaivers()
    {
        var (catalog, _, _) = Catalog(null);

        Assert.That(catalog.Current.Waivers, Is.Empty);
        Assert.That(catalog.Refresh().ChangesVerdicts, Is.False);
    }

    private static string Write(TempDirectory directory, string text, int version)
    {
        var file = Path.Combine(directory.Path, "waivers.yaml");
        File.WriteAllText(file, text);
        // Two versions written within the file system's time resolution must still differ.
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, version, DateTimeKind.Utc));
        return file;
    }

    private static (WaiverCatalog Catalog, FakeTimeProvider Time, FakeLogCollector Logs) Catalog(string? file)
    {
        var time = new FakeTimeProvider(Start);
        var logger = new FakeLogger<WaiverCatalog>();
        return (new WaiverCatalog(Options.Create(new WaiverOptions { File = file }), time, logger), time, logger.Collector);
    }
}

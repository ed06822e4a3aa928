using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.State;
using Microsoft.Data.Sqlite;

namespace ManageIQ.OpenScap.Bridge.Tests.Analysis;

/// <summary>
/// <c>bridge analyze</c> killed with SIGKILL at each step of publishing, held there deterministically (a failpoint
/// inside the bridge, a fault that holds ManageIQ's answer), then run again: the image's attributes converge to the
/// latest result, each stored once, and the outbox ends empty.
/// </summary>
[CancelAfter(300_000)]
public sealed class AnalyzeCrashTests
{
    [TestCase(Failpoints.BeforeCommit)]
    [TestCase(Failpoints.BeforePost)]
    [TestCase(Failpoints.AfterUpsert)]
    [TestCase(Failpoints.BeforeMark)]
    public async Task KilledAtAFailpoint_NextRunConverges(string failpoint, CancellationToken cancellationToken)
    {
        await using var rig = await StartWithStaleAttributeAsync(cancellationToken);
        var id = rig.ImageId;
        await using (var held = rig.Rig.StartAnalyze(id, failpoint))
        {
            await rig.Rig.WaitForFailpointAsync(held, failpoint, cancellationToken);
            await held.KillAsync(cancellationToken);
        }

        await AssertConvergesAsync(rig, cancellationToken);
    }

    [Test]
    public async Task KilledWhileManageIqHoldsTheAnswerToAnAppliedUpsert_NextRunConverges(CancellationToken cancellationToken)
    {
        await using var rig = await StartWithStaleAttributeAsync(cancellationToken);
        var id = rig.ImageId;
        await rig.Rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "/api/container_images/{{id}}/custom_attributes", "count": 1, "delayAfterMs": 600000}""", cancellationToken);
        await using (var held = rig.Rig.StartAnalyze(id))
        {
            // Applied: the upsert's values are in ManageIQ, its answer is held.
            while (!(await rig.Rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"))
            {
                Assert.That(held.HasExited, Is.False, held.Error + held.Output);
                await Task.Delay(100, cancellationToken);
            }

            await held.KillAsync(cancellationToken);
        }

        await rig.Rig.ClearFaultsAsync(cancellationToken);
        await AssertConvergesAsync(rig, cancellationToken);
    }

    private static async Task<CrashRig> StartWithStaleAttributeAsync(CancellationToken cancellationToken)
    {
        var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);
        await rig.AddAttributesAsync(id, cancellationToken, ("openscap_cves", "CVE-2000-0001", "metadata"), ("owner", "team-a", "metadata"));
        return new CrashRig(rig, id);
    }

    private static async Task AssertConvergesAsync(CrashRig rig, CancellationToken cancellationToken)
    {
        var again = await rig.Rig.AnalyzeAsync(rig.ImageId, cancellationToken);

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Passed), again.Error + again.Output);
        var attributes = await rig.Rig.OpenScapAttributesAsync(rig.ImageId, cancellationToken);
        Assert.That(attributes["openscap_scan_id"], Is.EqualTo(AnalyzeCommandTests.ScanIdOf(again)), "the latest result");
        Assert.That(attributes, Does.Not.ContainKey("openscap_cves"), "the stale attribute is gone");
        var all = await rig.Rig.AttributesAsync(rig.ImageId, cancellationToken);
        Assert.That(all.Select(a => a.Value<string>("name")), Is.Unique, "no duplicate rows");
        Assert.That(all.Count(a => a.Value<string>("name") == "owner"), Is.EqualTo(1));
        Assert.That(WaitingInOutbox(rig.Rig.StateDirectory), Is.Zero, "nothing left waiting");
    }

    private static long WaitingInOutbox(string stateDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(stateDirectory, "state.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox";
        return (long)command.ExecuteScalar()!;
    }

    private sealed record CrashRig(AnalyzeRig Rig, long ImageId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Rig.DisposeAsync();
    }
}

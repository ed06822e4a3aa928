namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Failpoints: off unless named in the environment; an enabled one signals and waits for its release.</summary>
[CancelAfter(30_000)]
public sealed class FailpointsTests
{
    [Test]
    public async Task FromEnvironment_NothingSet_EveryPointPassesAtOnce(CancellationToken cancellationToken)
    {
        var failpoints = Failpoints.FromEnvironment(_ => null);
        Assert.That(failpoints.Enabled, Is.Empty);
        await failpoints.HitAsync(Failpoints.BeforeCommit, cancellationToken);
    }

    [Test]
    public void FromEnvironment_NamesWithoutDirectory_RefusedNamingTheVariable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Failpoints.FromEnvironment(n => n == Failpoints.NamesVariable ? "state.before-commit" : null));
        Assert.That(e!.Message, Does.Contain("MANAGEIQ_OPENSCAP_FAILPOINT_DIR must name an existing directory"));
    }

    [Test]
    public async Task HitAsync_EnabledPoint_SignalsWithItsPidAndWaitsForTheRelease(CancellationToken cancellationToken)
    {
        using var dir = new Testing.TempDirectory();
        var failpoints = Failpoints.FromEnvironment(n => n switch
        {
            Failpoints.NamesVariable => " outbox.before-post , outbox.before-mark",
            Failpoints.DirectoryVariable => dir.Path,
            _ => null,
        });
        Assert.That(failpoints.Enabled, Is.EquivalentTo(new[] { "outbox.before-post", "outbox.before-mark" }));

        await failpoints.HitAsync(Failpoints.AfterUpsert, cancellationToken);
        var hit = failpoints.HitAsync(Failpoints.BeforePost, cancellationToken);
        var reached = dir.Combine("outbox.before-post.reached");
        while (!File.Exists(reached))
        {
            await Task.Delay(10, cancellationToken);
        }

        Assert.That(await File.ReadAllTextAsync(reached, cancellationToken), Is.EqualTo(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(hit.IsCompleted, Is.False, "it waits for the release");
        await File.WriteAllTextAsync(dir.Combine("outbox.before-post.release"), string.Empty, cancellationToken);
        await hit;
        await failpoints.HitAsync(Failpoints.BeforePost, cancellationToken);
    }
}

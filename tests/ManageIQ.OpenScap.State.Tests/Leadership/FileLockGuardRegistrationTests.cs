using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.Tests.Leadership;

public sealed class FileLockGuardRegistrationTests
{
    [TestCase("file")]
    [TestCase("auto")]
    public async Task AddFileLockGuard_FileOrAutoOutsideACluster_ResolvesTheFileLock_ReleasedWhenTheContainerStops(string mode)
    {
        Assume.That(Environment.GetEnvironmentVariable(LeadershipSelection.InClusterVariable), Is.Null.Or.Empty, "runs outside a cluster");
        using var temp = new TempDirectory();
        var state = temp.Combine("state");
        await using (var provider = Build(new() { ["Bridge:StateDirectory"] = state, ["Bridge:Leadership:Mode"] = mode }))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var guard = provider.GetRequiredService<IActiveGuard>();

            var lease = await guard.AcquireAsync(CancellationToken.None);

            Assert.That(guard, Is.InstanceOf<FileLockGuard>());
            Assert.That(lease.Resource, Is.EqualTo(Path.Combine(state, "bridge.lock")));
            Assert.That(LockFile.Read(state), Does.Contain($"identity={guard.Identity}"));
        }

        Assert.That(LockFile.Read(state), Is.Empty);
    }

    [Test]
    public async Task AddFileLockGuard_NoStateDirectory_FailsAtStartNamingTheKey()
    {
        await using var provider = Build(new() { ["Bridge:Leadership:Mode"] = "file" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Bridge:StateDirectory is required"));
    }

    [Test]
    public async Task AddFileLockGuard_ModeLeaseWithoutALeaseGuard_FailsAtStartNamingTheKey()
    {
        using var temp = new TempDirectory();
        await using var provider = Build(new() { ["Bridge:StateDirectory"] = temp.Path, ["Bridge:Leadership:Mode"] = "lease" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Bridge:Leadership:Mode is lease").And.Contain("AddLeaseGuard"));
    }

    [Test]
    public void LockHolder_Describe_ReadsItsOwnFormatAndCleansForeignText()
    {
        var own = new LockHolder(42, "vm-1", "vm-1-0a1b2c3d", new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)).ToBytes();

        Assert.That(LockHolder.Describe(own), Is.EqualTo("pid 42 on host vm-1 (identity vm-1-0a1b2c3d, since 2025-03-01T12:00:00Z)"));
        Assert.That(LockHolder.Describe("held\u001b[31m by hand\n"u8), Is.EqualTo("a process that wrote 'held[31m by hand'"));
        Assert.That(LockHolder.Describe([]), Is.EqualTo("a process that wrote nothing into it"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // The outbox publisher AddStateStore also registers needs the ManageIQ client, which this test leaves out.
        services.AddStateStore(configuration);
        services.AddFileLockGuard(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

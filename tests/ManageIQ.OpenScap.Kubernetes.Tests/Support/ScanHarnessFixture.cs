using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Support;

/// <summary>
/// A fresh harness per test and the rule of this suite: after every test the fake API server holds no pod and no
/// scanning pod's secret (a slow delete gets a few seconds to finish).
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public abstract class ScanHarnessFixture
{
    private protected ScanHarness Harness { get; private set; } = null!;

    [SetUp]
    public async Task StartHarnessAsync() => Harness = await ScanHarness.StartAsync();

    [TearDown]
    public async Task AssertNoPodLeftAsync()
    {
        try
        {
            var empty = await Harness.WaitForNoPodsAsync(TimeSpan.FromSeconds(5));
            var left = string.Join(", ", Harness.Api.Pods.Pods.Select(p => p.Metadata.Name));
            Assert.That(empty, Is.True, $"pods left in the fake API server: {left}");
            var secrets = Harness.Api.SecretsLabelled(ScanPodMetadata.OwnerLabel).Select(s => s.Metadata.Name);
            Assert.That(secrets, Is.Empty, "scanning pods' secrets left in the fake API server");
        }
        finally
        {
            await Harness.DisposeAsync();
        }
    }
}

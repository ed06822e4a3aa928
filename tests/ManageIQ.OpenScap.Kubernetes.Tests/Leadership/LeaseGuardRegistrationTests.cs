using k8s;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Leadership;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Leadership;

[CancelAfter(60_000)]
public sealed class LeaseGuardRegistrationTests
{
    private const string Namespace = "management-infra";

    [Test]
    public async Task AddLeaseGuard_ModeLease_ResolvesTheLeaseGuard_WhichHoldsTheLeaseUntilTheContainerStops(CancellationToken cancellationToken)
    {
        await using var api = await FakeKubernetesApiServer.StartAsync();
        string identity;
        await using (var provider = Build(new() { ["Bridge:Leadership:Mode"] = "lease", ["Bridge:Leadership:Namespace"] = Namespace }, api))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var guard = provider.GetRequiredService<IActiveGuard>();
            identity = guard.Identity;

            var lease = await guard.AcquireAsync(cancellationToken);

            Assert.That(guard, Is.InstanceOf<KubernetesLeaseGuard>());
            Assert.That(identity, Does.StartWith(Environment.MachineName + "-"));
            Assert.That(lease.HolderIdentity, Is.EqualTo(identity));
            Assert.That(guard.IsHeld, Is.True);
            Assert.That(api.LeaseHolder(Namespace, LeadershipOptions.DefaultLeaseName), Is.EqualTo(identity));
            Assert.That(provider.GetRequiredService<IActiveGuard>(), Is.SameAs(guard));
        }

        // The service forgot to dispose its lease: stopping the container releases it.
        Assert.That(api.LeaseHolder(Namespace, LeadershipOptions.DefaultLeaseName), Is.Null);
        Assert.That(api.LeaseRequestCount, Is.EqualTo(4), "get and create; at the stop, get and replace");
    }

    [Test]
    public async Task AddLeaseGuard_ModeFileWithoutAFileGuard_FailsAtStartNamingTheKey()
    {
        await using var api = await FakeKubernetesApiServer.StartAsync();
        await using var provider = Build(new() { ["Bridge:Leadership:Mode"] = "file" }, api);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Bridge:Leadership:Mode is file").And.Contain("AddFileLockGuard"));
    }

    [Test]
    public async Task AddLeaseGuard_ModeLeaseWithoutNamespaceOutsideACluster_FailsAtStartNamingTheKey()
    {
        Assume.That(File.Exists(LeaseTarget.ServiceAccountNamespaceFile), Is.False, "runs outside a pod");
        await using var api = await FakeKubernetesApiServer.StartAsync();
        await using var provider = Build(new() { ["Bridge:Leadership:Mode"] = "lease" }, api);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Bridge:Leadership:Namespace is not set").And.Contain(LeaseTarget.ServiceAccountNamespaceFile));
    }

    [TestCase("Bridge:Leadership:LeaseName", "Not_A_Name", "Bridge:Leadership:LeaseName 'Not_A_Name' is not a valid object name")]
    [TestCase("Bridge:Leadership:Namespace", "-bad-", "Bridge:Leadership:Namespace '-bad-' is not a valid namespace")]
    [TestCase("Bridge:Leadership:RenewDeadline", "00:00:20", "Bridge:Leadership:RenewDeadline (00:00:20) must be shorter than Bridge:Leadership:LeaseDuration")]
    public async Task AddLeaseGuard_BadSetting_FailsAtStartNamingTheKey(string key, string value, string expected)
    {
        await using var api = await FakeKubernetesApiServer.StartAsync();
        await using var provider = Build(new() { ["Bridge:Leadership:Mode"] = "lease", ["Bridge:Leadership:Namespace"] = Namespace, [key] = value }, api);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void LeaseTarget_NoNamespaceConfigured_IsThePodsOwnNamespace()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("namespace");
        File.WriteAllText(file, "bridge-ns\n");

        var target = LeaseTarget.Resolve(new LeadershipOptions(), file);

        Assert.That(target, Is.EqualTo(new LeaseTarget("bridge-ns", "manageiq-openscap-bridge")));
        Assert.That(LeaseTarget.Resolve(new LeadershipOptions { Namespace = "configured" }, file).Namespace, Is.EqualTo("configured"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, FakeKubernetesApiServer api)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // In a pod the guard uses the in-cluster client; here the same seam points it at the fake.
        services.AddKeyedSingleton<IKubernetes>(LeaseClient.ServiceKey, (_, _) => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.BaseUri.ToString() }));
        services.AddLeaseGuard(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

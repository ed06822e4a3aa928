using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Pods;

/// <summary>The scanning pod under each <c>RpmScanMode</c>.</summary>
public class RpmScanSecurityTests
{
    private static readonly string[] DropAll = ["ALL"];
    private static readonly string[] Added = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SYS_CHROOT"];

    private static k8s.Models.V1Pod Build(RpmScanMode mode) => ScanPodBuilder.Build(
        new ScanPodSpec("p", "ns", "job", "registry.example/ubi9:latest", null, TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch, []) { RpmScanMode = mode },
        new ScanPodOptions(),
        "owner");

    [Test]
    public void Apply_Refuse_KeepsThePodNonRootWithEveryCapabilityDropped()
    {
        var pod = Build(RpmScanMode.Refuse);

        Assert.That(pod.Spec.HostUsers, Is.Null);
        Assert.That(pod.Spec.SecurityContext.RunAsNonRoot, Is.True);
        Assert.That(pod.Spec.Containers[0].SecurityContext.RunAsNonRoot, Is.True);
        Assert.That(pod.Spec.Containers[0].SecurityContext.Capabilities.Add, Is.Null);
    }

    [TestCase(RpmScanMode.UserNamespace, false)]
    [TestCase(RpmScanMode.RootBaseline, null)]
    public void Apply_OptIn_RunsAsRootWithOnlySysChrootAndTheUnpackersCapabilities(RpmScanMode mode, bool? hostUsers)
    {
        var pod = Build(mode);
        var container = pod.Spec.Containers[0].SecurityContext;

        Assert.That(pod.Spec.HostUsers, Is.EqualTo(hostUsers));
        Assert.That(pod.Spec.SecurityContext.RunAsUser, Is.Zero);
        Assert.That(container.RunAsUser, Is.Zero);
        Assert.That(container.RunAsNonRoot, Is.False);
        Assert.That(container.Capabilities.Drop, Is.EqualTo(DropAll));
        Assert.That(container.Capabilities.Add, Is.EquivalentTo(Added));
        Assert.That(container.AllowPrivilegeEscalation, Is.False);
        Assert.That(container.Privileged, Is.False);
    }

    [Test]
    public void Validate_UnknownMode_NamesTheKey()
    {
        var options = new ProviderRpmScanModeOptions { Providers = { ["7"] = new() { RpmScanMode = "privileged" }, ["8"] = new() { RpmScanMode = "user-namespace" } } };

        var result = new ProviderRpmScanModeOptionsValidator().Validate(null, options);

        Assert.That(result.FailureMessage, Is.EqualTo("Bridge:ProviderOverrides:7:RpmScanMode is 'privileged'; use refuse, user-namespace, root-baseline."));
        Assert.That(options.For("8"), Is.EqualTo(RpmScanMode.UserNamespace));
        Assert.That(options.For("9"), Is.EqualTo(RpmScanMode.Refuse));
    }
}

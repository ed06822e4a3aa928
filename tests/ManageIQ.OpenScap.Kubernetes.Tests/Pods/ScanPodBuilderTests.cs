using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Pods;

public sealed class ScanPodBuilderTests
{
    private static readonly string[] DefaultArguments =
    [
        "--image=registry.example/app:1@sha256:ab", "--scan-type=openscap", "--serve=0.0.0.0:8080", "--work-dir=/scan",
        "--scan-results-dir=/scan/results", "--openscap-html-report",
    ];

    private static readonly string[] DropAll = ["ALL"];

    private static ScanPodSpec Spec(params PullSecret[] secrets) =>
        new("manageiq-img-scan-0123456789ab", "management-infra", "job-1", "registry.example/app:1@sha256:ab", "sha256:ab", TimeSpan.FromMinutes(20), new DateTimeOffset(2026, 11, 28, 12, 20, 0, TimeSpan.Zero), secrets, "t0ken");

    [TestCase("1")]
    [TestCase("9f3b2c1e-0d4a-4f6e-8b7c-123456789abc")]
    [TestCase("A job id with Spaces and UPPER case and a very long tail that goes on and on and on and on")]
    public void For_AnyJobId_IsAValidDnsLabelWithThePrefix(string jobId)
    {
        var name = ScanPodName.For(jobId, "attempt");

        Assert.That(DnsLabel.IsValid(name), Is.True, name);
        Assert.That(name, Does.Match("^manageiq-img-scan-[0-9a-f]{12}$"));
    }

    [Test]
    public void For_TwoAttemptsOfOneJob_GiveDifferentNames()
    {
        Assert.That(ScanPodName.For("job", "a"), Is.Not.EqualTo(ScanPodName.For("job", "b")));
    }

    [Test]
    public void Build_Defaults_RunsTheInspectorWithImageInspectorsFlags()
    {
        var container = ScanPodBuilder.Build(Spec(), new ScanPodOptions(), "owner").Spec.Containers.Single();

        Assert.That(container.Args, Is.EqualTo(DefaultArguments));
        Assert.That(container.Image, Is.EqualTo("quay.io/manageiq/openscap-inspector:latest"));
        Assert.That(container.ReadinessProbe.HttpGet.Path, Is.EqualTo("/readyz"));
    }

    [Test]
    public void Build_WithCveUrlInsecureRegistryAndSecrets_AddsTheirFlags()
    {
        var options = new ScanPodOptions { CveUrl = new Uri("https://feeds.example/oval/") };
        options.InsecureRegistries.Add("registry.local:5000");

        var args = ScanPodBuilder.Build(Spec(new PullSecret("a", PullSecret.DockerCfgKey)), options, "owner").Spec.Containers[0].Args;

        Assert.That(args, Does.Contain("--cve-url=https://feeds.example/oval/"));
        Assert.That(args, Does.Contain("--insecure-registry=registry.local:5000"));
        Assert.That(args, Does.Contain("--dockercfg=/var/run/secrets/manageiq.org/pull-secrets/a/.dockercfg"));
    }

    [Test]
    public void Build_MemoryScratch_MountsTmpfsAndRequestsNoScratchDisk()
    {
        var pod = ScanPodBuilder.Build(Spec(), new ScanPodOptions { ScratchSizeLimit = "2Gi", ScratchMedium = "Memory", MemoryLimit = "4Gi" }, "owner");
        var scratch = pod.Spec.Volumes.Single(v => v.Name == "scan").EmptyDir;
        var resources = pod.Spec.Containers[0].Resources;

        Assert.Multiple(() =>
        {
            Assert.That(scratch.Medium, Is.EqualTo("Memory"));
            Assert.That(scratch.SizeLimit.ToString(), Is.EqualTo("2Gi"));
            Assert.That(resources.Requests["ephemeral-storage"].ToString(), Is.EqualTo("256Mi"));
            Assert.That(resources.Limits["ephemeral-storage"].ToString(), Is.EqualTo("256Mi"));
        });
    }

    [Test]
    public void Build_DefaultScratch_IsOnTheNodesDisk()
    {
        var pod = ScanPodBuilder.Build(Spec(), new ScanPodOptions { ScratchSizeLimit = "4Gi" }, "owner");

        Assert.That(pod.Spec.Volumes.Single(v => v.Name == "scan").EmptyDir.Medium, Is.Null);
        Assert.That(pod.Spec.Containers[0].Resources.Requests["ephemeral-storage"].ToString(), Is.EqualTo("4Gi"));
    }

    [Test]
    public void Build_Always_IsUnprivilegedBoundedAndSizeLimited()
    {
        var pod = ScanPodBuilder.Build(Spec(), new ScanPodOptions { ScratchSizeLimit = "4Gi", MemoryLimit = "3Gi" }, "owner");
        var container = pod.Spec.Containers[0];

        Assert.Multiple(() =>
        {
            Assert.That(pod.Spec.RestartPolicy, Is.EqualTo("Never"));
            Assert.That(pod.Spec.ActiveDeadlineSeconds, Is.EqualTo(1200));
            Assert.That(pod.Spec.AutomountServiceAccountToken, Is.False);
            Assert.That(pod.Spec.SecurityContext.RunAsNonRoot, Is.True);
            Assert.That(pod.Spec.SecurityContext.SeccompProfile.Type, Is.EqualTo("RuntimeDefault"));
            Assert.That(container.SecurityContext.AllowPrivilegeEscalation, Is.False);
            Assert.That(container.SecurityContext.Privileged, Is.False);
            Assert.That(container.SecurityContext.Capabilities.Drop, Is.EqualTo(DropAll));
            Assert.That(container.SecurityContext.ReadOnlyRootFilesystem, Is.True);
            Assert.That(container.Resources.Limits["memory"].ToString(), Is.EqualTo("3Gi"));
            Assert.That(pod.Spec.Volumes.Single(v => v.Name == "scan").EmptyDir.SizeLimit.ToString(), Is.EqualTo("4Gi"));
            Assert.That(container.VolumeMounts.Single(m => m.Name == "scan").MountPath, Is.EqualTo("/scan"));
            Assert.That(pod.Spec.Volumes.All(v => v.HostPath is null), Is.True);
            Assert.That(pod.Metadata.Annotations["manageiq.org/scan-deadline"], Is.EqualTo("2026-11-28T12:20:00.0000000Z"));
            Assert.That(pod.Metadata.Labels["manageiq.org/scan-owner"], Is.EqualTo("owner"));
        });
    }

    [Test]
    public void Build_WithProxiesNodeSelectorAndTolerations_CopiesThem()
    {
        var options = new ScanPodOptions { HttpProxy = "http://proxy:3128", NoProxy = ".cluster.local" };
        options.NodeSelector["node-role.kubernetes.io/scanning"] = "";
        options.Tolerations.Add(new TolerationOptions { Key = "scanning", Operator = "Exists", Value = "ignored", Effect = "NoSchedule" });

        var pod = ScanPodBuilder.Build(Spec(), options, "owner");

        var env = pod.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Multiple(() =>
        {
            Assert.That(env["HTTP_PROXY"], Is.EqualTo("http://proxy:3128"));
            Assert.That(env["http_proxy"], Is.EqualTo("http://proxy:3128"));
            Assert.That(env["NO_PROXY"], Is.EqualTo(".cluster.local"));
            Assert.That(env.ContainsKey("HTTPS_PROXY"), Is.False);
            Assert.That(env["INSPECTOR_AUTH_TOKEN"], Is.Null, "the token is read from the pod's secret");
            Assert.That(pod.Spec.NodeSelector["node-role.kubernetes.io/scanning"], Is.Empty);
            Assert.That(pod.Spec.Tolerations.Single().Key, Is.EqualTo("scanning"));
            Assert.That(pod.Spec.Tolerations.Single().Value, Is.Null, "Exists takes no value");
        });
    }

    [Test]
    public void Build_NoRunAsUser_LeavesTheUserToTheCluster()
    {
        var pod = ScanPodBuilder.Build(Spec(), new ScanPodOptions { RunAsUser = null }, "owner");

        Assert.That(pod.Spec.SecurityContext.RunAsUser, Is.Null);
        Assert.That(pod.Spec.SecurityContext.RunAsNonRoot, Is.True);
    }

    [Test]
    public void Build_CredentialsInProxiesAndCveUrl_KeepsThemOutOfSpecAndCommandLine()
    {
        var options = new ScanPodOptions
        {
            HttpProxy = "http://scanner:proxy-pass@proxy.example:3128",
            HttpsProxy = "http://proxy.example:3128",
            NoProxy = ".cluster.local",
            CveUrl = new Uri("https://feeder:feed-pass@feeds.example/oval/"),
        };
        var spec = Spec();

        var pod = ScanPodBuilder.Build(spec, options, "owner");
        var secret = ScanPodSecret.Build(spec, options, "owner");

        var json = k8s.KubernetesJson.Serialize(pod);
        var container = pod.Spec.Containers[0];
        string? Key(string name) => container.Env.Single(e => e.Name == name).ValueFrom?.SecretKeyRef?.Key;
        string Value(string key) => System.Text.Encoding.UTF8.GetString(secret.Data[key]);
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("proxy-pass").And.Not.Contain("feed-pass").And.Not.Contain("t0ken"));
            Assert.That(container.Args, Has.None.StartsWith("--cve-url"), "a URL with a user goes through the secret, not the command line");
            Assert.That(Key("INSPECTOR_AUTH_TOKEN"), Is.EqualTo(ScanPodSecret.AuthTokenKey));
            Assert.That(Key("HTTP_PROXY"), Is.EqualTo(ScanPodSecret.HttpProxyKey));
            Assert.That(Key("http_proxy"), Is.EqualTo(ScanPodSecret.HttpProxyKey));
            Assert.That(Key("INSPECTOR_CVE_URL"), Is.EqualTo(ScanPodSecret.CveUrlKey));
            Assert.That(container.Env.Single(e => e.Name == "HTTPS_PROXY").Value, Is.EqualTo("http://proxy.example:3128"), "an address without a user stays visible");
            Assert.That(container.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.ValueFrom.SecretKeyRef.Name), Is.All.EqualTo(spec.Name));
            Assert.That(container.ReadinessProbe.HttpGet.HttpHeaders, Is.Null, "the probe carries no token");
            Assert.That(secret.Metadata.Name, Is.EqualTo(spec.Name));
            Assert.That(secret.Metadata.Labels, Is.EquivalentTo(pod.Metadata.Labels), "the sweep finds the secret by the pod's labels");
            Assert.That(Value(ScanPodSecret.AuthTokenKey), Is.EqualTo("t0ken"));
            Assert.That(Value(ScanPodSecret.HttpProxyKey), Is.EqualTo(options.HttpProxy));
            Assert.That(Value(ScanPodSecret.CveUrlKey), Is.EqualTo("https://feeder:feed-pass@feeds.example/oval/"));
            Assert.That(secret.Data.ContainsKey(ScanPodSecret.HttpsProxyKey), Is.False);
        });
    }

    [Test]
    public void Build_ProvidersOwnProxies_WinOverThePodOptionsAndKeepCredentialsInTheSecret()
    {
        var options = new ScanPodOptions { HttpProxy = "http://bridge-proxy:3128", HttpsProxy = "http://bridge-proxy:3128", NoProxy = ".cluster.local" };
        var spec = Spec() with { Content = new ScanPodContent { Proxy = new Contracts.Scanning.ScanProxy("http://ops:ops-pass@provider-proxy:8080", null, ".svc") } };

        var pod = ScanPodBuilder.Build(spec, options, "owner");
        var secret = ScanPodSecret.Build(spec, options, "owner");

        var env = pod.Spec.Containers[0].Env.ToDictionary(e => e.Name);
        Assert.Multiple(() =>
        {
            Assert.That(env["HTTP_PROXY"].ValueFrom.SecretKeyRef.Key, Is.EqualTo(ScanPodSecret.HttpProxyKey));
            Assert.That(System.Text.Encoding.UTF8.GetString(secret.Data[ScanPodSecret.HttpProxyKey]), Is.EqualTo("http://ops:ops-pass@provider-proxy:8080"));
            Assert.That(env["HTTPS_PROXY"].Value, Is.EqualTo("http://bridge-proxy:3128"), "a proxy the provider leaves unset keeps the bridge's");
            Assert.That(env["NO_PROXY"].Value, Is.EqualTo(".svc"));
            Assert.That(k8s.KubernetesJson.Serialize(pod), Does.Not.Contain("ops-pass"));
        });
    }

    [Test]
    public void Build_WithATailoring_MountsItFromThePodsOwnSecretAndNamesItToTheInspector()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("<Tailoring/>");
        var spec = Spec() with { Content = new ScanPodContent { Tailoring = bytes } };

        var pod = ScanPodBuilder.Build(spec, new ScanPodOptions(), "owner");
        var secret = ScanPodSecret.Build(spec, new ScanPodOptions(), "owner");

        var volume = pod.Spec.Volumes.Single(v => v.Name == ScanPodMetadata.TailoringVolume);
        Assert.Multiple(() =>
        {
            Assert.That(pod.Spec.Containers[0].Args, Does.Contain("--ssg-tailoring-file=/var/run/secrets/manageiq.org/tailoring/tailoring.xml"));
            Assert.That(pod.Spec.Containers[0].VolumeMounts.Single(m => m.Name == ScanPodMetadata.TailoringVolume).ReadOnlyProperty, Is.True);
            Assert.That(volume.Secret.SecretName, Is.EqualTo(spec.Name), "the pod's own secret, deleted with it");
            Assert.That(volume.Secret.Items.Single().Key, Is.EqualTo(ScanPodSecret.TailoringKey));
            Assert.That(secret.Data[ScanPodSecret.TailoringKey], Is.EqualTo(bytes));
        });
    }

    [Test]
    public void Build_WithoutATailoring_HasNoTailoringVolumeOrFlag()
    {
        var pod = ScanPodBuilder.Build(Spec(), new ScanPodOptions(), "owner");

        Assert.That(pod.Spec.Volumes.Select(v => v.Name), Does.Not.Contain(ScanPodMetadata.TailoringVolume));
        Assert.That(pod.Spec.Containers[0].Args, Has.None.StartsWith("--ssg-tailoring-file"));
        Assert.That(ScanPodSecret.Build(Spec(), new ScanPodOptions(), "owner").Data.ContainsKey(ScanPodSecret.TailoringKey), Is.False);
    }
}

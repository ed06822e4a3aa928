using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Configuration;

public sealed class KubernetesScanningOptionsTests : ScanHarnessFixture
{
    [TestCase("Kubernetes:Clusters:0:TokenFile", "/nonexistent/token", "TokenFile")]
    [TestCase("Kubernetes:Clusters:0:Namespace", "Management_Infra", "Namespace")]
    [TestCase("Kubernetes:Pod:MemoryLimit", "two gigs", "MemoryLimit")]
    [TestCase("Kubernetes:Pod:ImagePullPolicy", "Sometimes", "ImagePullPolicy")]
    [TestCase("Kubernetes:Pod:ScanTimeout", "00:00:00", "ScanTimeout")]
    [TestCase("Kubernetes:Pod:RunAsUser", "0", "RunAsUser")]
    [TestCase("Kubernetes:Clusters:0:Mode", "Kubeconfig", "KubeconfigPath")]
    [TestCase("Kubernetes:OwnerId", "Not A Label", "OwnerId")]
    [TestCase("Kubernetes:Clusters:0:Mode", "InCluster", "does not run in a pod")]
    [TestCase("Kubernetes:Pod:ScratchMedium", "HugePages", "ScratchMedium 'HugePages'")]
    [TestCase("Kubernetes:Pod:ScanTimeout", "8.00:00:00", "ScanTimeout 8.00:00:00 exceeds")]
    [TestCase("Kubernetes:RequestTimeout", "00:00:00", "Kubernetes:RequestTimeout")]
    [TestCase("Kubernetes:ProxyTimeout", "-00:00:01", "Kubernetes:ProxyTimeout")]
    [TestCase("Kubernetes:ProxyIdleTimeout", "00:00:00", "Kubernetes:ProxyIdleTimeout")]
    [TestCase("Kubernetes:WatchIdleTimeout", "00:00:00", "Kubernetes:WatchIdleTimeout")]
    [TestCase("Kubernetes:MaxDeleteAttempts", "0", "Kubernetes:MaxDeleteAttempts")]
    [TestCase("Kubernetes:MaxArfBytes", "0", "Kubernetes:MaxArfBytes")]
    [TestCase("Kubernetes:MaxHtmlReportBytes", "-1", "Kubernetes:MaxHtmlReportBytes")]
    [TestCase("Kubernetes:Clusters:0:ApiUrl", "http://api.cluster.example:6443", "Kubernetes:Clusters:0:AllowPlainHttp")]
    public async Task Options_WrongSetting_FailsAtStartNamingTheSetting(string key, string value, string named)
    {
        Harness.Settings[key] = value;
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains(named));
    }

    [Test]
    public async Task Options_NoCluster_IsValidForALocalOnlyBridge()
    {
        Harness.WithoutClusters = true;
        await using var process = Harness.NewProcess();

        Assert.That(process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value.Clusters, Is.Empty);
        Assert.That(ClusterRequirement.CheckChosenBackend(process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value, "Bridge:Backend"), Does.Contain("Kubernetes:Clusters is empty"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task KubernetesBackend_NoClusterConfigured_FailsTheScanAsBackendUnavailableNamingTheKey(CancellationToken ct)
    {
        Harness.WithoutClusters = true;
        await using var process = Harness.NewProcess();
        var backend = process.GetServices<IScanBackend>().Single(b => b.Name == ScanBackendNames.Kubernetes);
        var job = new ScanJob { JobId = "job-no-cluster", Image = "registry.example/app:1.0", ProviderId = "7", ProviderName = "OpenShift Fake", OutputDirectory = Harness.Temp.Combine("out") };

        var report = await backend.ScanAsync(job, progress: null, ct);

        Assert.That(report.ErrorKind, Is.EqualTo(ScanErrorKind.BackendUnavailable));
        Assert.That(report.ErrorMessage, Is.EqualTo("The kubernetes backend cannot scan for ManageIQ provider 7 ('OpenShift Fake'): Kubernetes:Clusters is empty. Add its cluster under Kubernetes:Clusters, or scan it with the local backend."));
        Assert.That(Harness.Api.Pods.Pods, Is.Empty);
    }

    [TestCase("http://api.cluster.example:6443", "true", "allowed by Kubernetes:Clusters:0:AllowPlainHttp")]
    [TestCase(null, "false", "a loopback address")]
    public async Task Options_PlainHttpApiAccepted_LogsAWarningAtStart(string? apiUrl, string allow, string why)
    {
        if (apiUrl is not null)
        {
            Harness.Settings["Kubernetes:Clusters:0:ApiUrl"] = apiUrl;
        }

        Harness.Settings["Kubernetes:Clusters:0:AllowPlainHttp"] = allow;
        await using var process = Harness.NewProcess();

        Assert.That(() => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value, Throws.Nothing);
        var warnings = Harness.Logs.GetSnapshot().Where(r => r.Id.Id == 5040).Select(r => r.Message).ToList();
        Assert.That(warnings, Has.One.Contains("Kubernetes:Clusters:0:ApiUrl").And.Contains("plain HTTP").And.Contains(why));
    }

    [Test]
    public async Task Options_PlainHttpApiRefused_AlsoLogsTheWarning()
    {
        Harness.Settings["Kubernetes:Clusters:0:ApiUrl"] = "http://api.cluster.example:6443";
        await using var process = Harness.NewProcess();

        Assert.That(() => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("clear text"));
        Assert.That(Harness.Logs.GetSnapshot().Where(r => r.Id.Id == 5040).Select(r => r.Message), Has.One.Contains("Use https"));
    }

    [Test]
    public async Task Options_KubeconfigWithTokenOverPlainHttp_IsJudgedByTheSameRule()
    {
        await WriteKubeconfigAsync(CancellationToken.None, server: "http://api.cluster.example:6443");
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("kubeconfig server").And.Message.Contains("AllowPlainHttp"));
    }

    [TestCase("8Gi", "2Gi", false)]
    [TestCase("2Gi", "3Gi", true)]
    public async Task Options_MemoryScratch_NeedsAMemoryLimitAboveIt(string scratch, string memoryLimit, bool valid)
    {
        Harness.Settings["Kubernetes:Pod:ScratchMedium"] = "Memory";
        Harness.Settings["Kubernetes:Pod:ScratchSizeLimit"] = scratch;
        Harness.Settings["Kubernetes:Pod:MemoryLimit"] = memoryLimit;
        await using var process = Harness.NewProcess();

        Action read = () => _ = process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value;
        if (valid)
        {
            Assert.That(read, Throws.Nothing);
        }
        else
        {
            Assert.That(read, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("MemoryLimit '2Gi' must exceed ScratchSizeLimit '8Gi'"));
        }
    }

    [Test]
    public async Task Options_HttpsApiWithoutCaFile_FailsAtStartNamingCaFile()
    {
        Harness.Settings["Kubernetes:Clusters:0:ApiUrl"] = "https://api.cluster.example:6443";
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("CaFile is required"));
    }

    [Test]
    public async Task Options_ClusterWithoutProviderIdOrName_FailsAtStart()
    {
        Harness.Settings["Kubernetes:Clusters:0:ProviderId"] = "";
        Harness.Settings["Kubernetes:Clusters:0:ProviderName"] = "";
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("ProviderId or ProviderName"));
    }

    [Test]
    public async Task Options_Defaults_MatchManageIqSettings()
    {
        await using var process = Harness.NewProcess();
        var options = new KubernetesScanningOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Pod.ScanTimeout, Is.EqualTo(TimeSpan.FromMinutes(20)), "scanning_job_timeout");
            Assert.That(new ClusterConnectionOptions().Namespace, Is.EqualTo("management-infra"), "miq_namespace");
            Assert.That(options.Pod.PullSecretsServiceAccount, Is.EqualTo("inspector-admin"));
            Assert.That(process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value.Clusters, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Options_KubeconfigContextMissing_FailsAtStartNamingTheContext()
    {
        await WriteKubeconfigAsync(CancellationToken.None);
        Harness.Settings["Kubernetes:Clusters:0:Context"] = "no-such-context";
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IOptions<KubernetesScanningOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("no-such-context"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunScanAsync_KubeconfigWithContext_ConnectsThroughThatContext(CancellationToken ct)
    {
        await WriteKubeconfigAsync(ct);
        await using var process = Harness.NewProcess();

        var result = await process.GetRequiredService<IScanPodOrchestrator>().RunScanAsync(Harness.Request("job-kubeconfig"), ct);

        Assert.That(result.ArfPath, Does.Exist);
    }

    private async Task WriteKubeconfigAsync(CancellationToken ct, string? server = null)
    {
        var kubeconfig = Harness.Temp.Combine("kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: wrong
            clusters:
            - name: fake
              cluster:
                server: {server ?? Harness.Api.BaseUri.ToString()}
            - name: nowhere
              cluster:
                server: http://127.0.0.1:1
            users:
            - name: bridge
              user:
                token: fake-bearer-token
            contexts:
            - name: scanning
              context:
                cluster: fake
                user: bridge
            - name: wrong
              context:
                cluster: nowhere
                user: bridge
            """, ct);
        Harness.Settings["Kubernetes:Clusters:0:Mode"] = "Kubeconfig";
        Harness.Settings["Kubernetes:Clusters:0:KubeconfigPath"] = kubeconfig;
        Harness.Settings["Kubernetes:Clusters:0:Context"] = "scanning";
    }
}

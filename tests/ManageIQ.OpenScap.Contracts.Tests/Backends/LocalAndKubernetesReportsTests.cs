using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Kubernetes.DependencyInjection;
using ManageIQ.OpenScap.Kubernetes.FakeApi;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Contracts.Tests.Backends;

/// <summary>
/// The same image scanned by both backends gives the same report, paths and timings aside: <c>local</c> in this
/// process, and <c>kubernetes</c> through the fake Kubernetes API whose scanning pod runs the real inspector process
/// with the arguments the orchestrator gave it. The job names the image's index digest, as ManageIQ does.
/// </summary>
[CancelAfter(300_000)]
public class LocalAndKubernetesReportsTests
{
    [Test]
    public async Task ScanAsync_SameImageBothWays_GivesEqualReports(CancellationToken cancellationToken)
    {
        await using var fixture = await BackendFixture.StartAsync(cancellationToken);
        var job = new ScanJob
        {
            JobId = "job-both-ways",
            Image = fixture.Image,
            ExpectedDigest = "docker-pullable://" + fixture.Registry.Host + "/test/debian@" + fixture.Index.Digest,
            ProviderId = "7",
            ProviderName = "OpenShift Fake",
            OutputDirectory = fixture.Directory.Combine("local"),
            CveUrl = fixture.Feed,
        };

        var localProgress = new List<ScanProgress>();
        ScanReport local;
        await using (var services = LocalServices(fixture))
        {
            local = await Backend(services, ScanBackendNames.Local).ScanAsync(job, new Collect(localProgress), cancellationToken);
        }

        var podProgress = new List<ScanProgress>();
        ScanReport pod;
        await using var api = await FakeKubernetesApiServer.StartAsync(new FakeTimings { Ready = TimeSpan.FromMilliseconds(250) });
        await using var runtime = new InspectorProcessRuntime(Path.Combine(TestContext.CurrentContext.TestDirectory, "ManageIQ.OpenScap.Inspector.dll"), fixture.Directory.Combine("pods"), ScanPodMetadata.ScratchPath);
        for (var i = 0; i < ScapContent.SearchDirectories.Count; i++)
        {
            runtime.Environment[$"{InspectorWire.EnvironmentPrefix}ScapContent__SearchDirectories__{i}"] = ScapContent.SearchDirectories[i];
        }

        api.ContainerRuntime = runtime;
        await using (var services = KubernetesServices(fixture, api))
        {
            pod = await Backend(services, ScanBackendNames.Kubernetes).ScanAsync(job with { OutputDirectory = fixture.Directory.Combine("pod") }, new Collect(podProgress), cancellationToken);
        }

        var inspectorOutput = string.Join("\n", runtime.Output);
        Assert.That(local.Outcome, Is.EqualTo(ScanOutcome.Completed), local.ErrorMessage);
        Assert.That(pod.Outcome, Is.EqualTo(ScanOutcome.Completed), pod.ErrorMessage + "\n" + inspectorOutput);
        Assert.Multiple(() =>
        {
            // Exact identity: pulled by the index digest ManageIQ knows; the platform's manifest and the index both recorded.
            Assert.That(runtime.StartedWith.Single(), Does.Contain($"{InspectorFlagNames.Image}={fixture.Image}@{fixture.Index.Digest}"));
            Assert.That(local.Image!.IndexDigest, Is.EqualTo(fixture.Index.Digest));
            Assert.That(local.Image.ManifestDigest, Is.EqualTo(fixture.Amd64.ManifestDigest));
            Assert.That(local.Image.ImageId, Is.EqualTo(fixture.Amd64.ConfigDigest));
            Assert.That(local.Distribution!.Id, Is.EqualTo("debian"));
            Assert.That(local.Content!.CveFeedMode, Is.EqualTo("local-files"));
            Assert.That(local.Summary!.Cves.Select(c => c.Id), Does.Contain("CVE-2024-5535"));

            // Field by field.
            Assert.That(pod.ErrorKind, Is.EqualTo(local.ErrorKind));
            Assert.That(pod.ErrorMessage, Is.EqualTo(local.ErrorMessage));
            Assert.That(pod.Image! with { RepoDigests = [] }, Is.EqualTo(local.Image with { RepoDigests = [] }));
            Assert.That(pod.Image.RepoDigests, Is.EqualTo(local.Image.RepoDigests));
            Assert.That(pod.Distribution, Is.EqualTo(local.Distribution));
            // The pod's fingerprint adds the inspector image it scanned with; the rest is the same content.
            Assert.That(pod.Content!.Inspector, Does.StartWith("quay.io/manageiq/openscap-inspector:"));
            Assert.That(pod.Content with { Inspector = null }, Is.EqualTo(local.Content));
            Assert.That((pod.Content with { Inspector = null }).ToString(), Is.EqualTo(local.Content.ToString()));
            Assert.That(pod.OscapExitCode, Is.EqualTo(local.OscapExitCode));
            Assert.That(Comparable(pod.Summary!), Is.EqualTo(Comparable(local.Summary)));
            Assert.That(pod.Notes, Is.EqualTo(local.Notes));
            Assert.That(Names(pod.Artifacts), Is.EqualTo(Names(local.Artifacts)));
            Assert.That(Names(local.Artifacts), Is.EqualTo(new[] { InspectorArtifacts.Arf, InspectorArtifacts.Html, InspectorArtifacts.Summary, null }));
            Assert.That(new[] { pod.Artifacts.Arf, pod.Artifacts.Html, pod.Artifacts.Summary }.All(File.Exists), Is.True, "the pod's artifacts were fetched");
            Assert.That(localProgress[^1].Stage, Is.EqualTo(ScanStage.Finished));
            Assert.That(podProgress.Select(p => p.Stage), Is.EqualTo(new[] { ScanStage.Starting, ScanStage.Collecting, ScanStage.Finished }));
            Assert.That(pod.Timings.Pod, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(api.Pods.Pods, Is.Empty, "the scanning pod was deleted");
        });
    }

    private static IScanBackend Backend(IServiceProvider services, string name) => services.GetServices<IScanBackend>().Single(b => b.Name == name);

    // Start and end times are the scan's own; everything else in the summary is the result.
    private static string Comparable(ScapSummary summary) => ScapSummaryJson.Serialize(summary with { StartTime = null, EndTime = null });

    private static string?[] Names(ScanArtifactPaths artifacts) =>
        [Path.GetFileName(artifacts.Arf), Path.GetFileName(artifacts.Html), Path.GetFileName(artifacts.Summary), Path.GetFileName(artifacts.CveOvalResults)];

    private static ServiceProvider LocalServices(BackendFixture fixture)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ImageAcquisition:InsecureRegistries:0"] = fixture.Registry.Host,
            ["CveFeeds:CacheDirectory"] = fixture.Directory.Combine("cve-cache"),
        };
        for (var i = 0; i < ScapContent.SearchDirectories.Count; i++)
        {
            values[$"ScapContent:SearchDirectories:{i}"] = ScapContent.SearchDirectories[i];
        }

        var services = new ServiceCollection();
        services.AddImageScanner(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static ServiceProvider KubernetesServices(BackendFixture fixture, FakeKubernetesApiServer api)
    {
        var token = fixture.Directory.Combine("cluster-token");
        File.WriteAllText(token, "fake-bearer-token\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Kubernetes:Clusters:0:Name"] = "fake",
            ["Kubernetes:Clusters:0:ProviderId"] = "7",
            ["Kubernetes:Clusters:0:ProviderName"] = "OpenShift Fake",
            ["Kubernetes:Clusters:0:Mode"] = "Token",
            ["Kubernetes:Clusters:0:ApiUrl"] = api.BaseUri.ToString(),
            ["Kubernetes:Clusters:0:TokenFile"] = token,
            ["Kubernetes:Clusters:0:Platform"] = "Kubernetes",
            ["Kubernetes:Clusters:0:Namespace"] = "management-infra",
            ["Kubernetes:Pod:ScanTimeout"] = "00:04:00",
            ["Kubernetes:Pod:InsecureRegistries:0"] = fixture.Registry.Host,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKubernetesScanning(configuration, sweepOrphans: false);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class Collect(List<ScanProgress> events) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}

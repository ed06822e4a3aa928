using System.CommandLine;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Pods;

namespace ManageIQ.OpenScap.Contracts.Tests.Inspector;

/// <summary>The scanning pod's arguments, as the orchestrator builds them, read by the inspector's own command line.</summary>
public class PodArgumentsRoundTripTests
{
    [Test]
    public void PodArguments_ParsedByTheInspector_MeanWhatThePodAsked()
    {
        var spec = new ScanPodSpec(
            "manageiq-img-scan-0123456789ab", "management-infra", "job-1", "registry.example:5000/ns/app:1.0@sha256:" + new string('a', 64), "sha256:" + new string('a', 64),
            TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch, [new PullSecret("quay-pull", PullSecret.DockerConfigJsonKey), new PullSecret("legacy", PullSecret.DockerCfgKey)], "token")
        {
            Content = new ScanPodContent(CveUrl: "https://feeds.example/oval/", DataStream: "ssg-debian12-ds.xml", Profile: "standard", HtmlReport: true),
        };
        var options = new ScanPodOptions { CveUrl = new Uri("https://ignored.example/feed.xml.bz2"), InsecureRegistries = { "registry.example:5000", "10.0.0.1:5000" } };

        var arguments = InspectorArguments.For(spec, options);
        var flags = new InspectorFlags();
        var root = new RootCommand();
        flags.AddTo(root);
        var parse = root.Parse([.. arguments]);

        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var settings = flags.ToSettings(parse);
        var scan = settings.ScanSettings;
        Assert.Multiple(() =>
        {
            Assert.That(settings.Image, Is.EqualTo(spec.Image));
            Assert.That(settings.Serve!.Port, Is.EqualTo(InspectorWire.Port));
            Assert.That(scan.WorkDirectory, Is.EqualTo(ScanPodMetadata.ScratchPath));
            Assert.That(scan.ResultsDirectory, Is.EqualTo(ScanPodMetadata.ScratchPath + "/results"));
            Assert.That(scan.HtmlReport, Is.True);
            Assert.That(scan.DockerConfigFiles, Is.EqualTo(spec.PullSecrets.Select(s => s.FilePath)));
            Assert.That(scan.InsecureRegistries, Is.EqualTo(options.InsecureRegistries));
            Assert.That(scan.ContentOverride.CveFeed, Is.EqualTo("https://feeds.example/oval/"), "the scan's own feed wins over Kubernetes:Pod:CveUrl");
            Assert.That(scan.ContentOverride.DataStream, Is.EqualTo("ssg-debian12-ds.xml"));
            Assert.That(scan.ContentOverride.Profile, Is.EqualTo("standard"));
        });
    }

    [Test]
    public void PodArguments_WithoutAScanFeed_PassThePodsConfiguredFeed()
    {
        var spec = new ScanPodSpec("p", "ns", "job", "debian:12", null, TimeSpan.FromMinutes(1), DateTimeOffset.UnixEpoch, []) { Content = ScanPodContent.Default };
        var options = new ScanPodOptions { CveUrl = new Uri("https://feeds.example/feed.xml.bz2") };
        var flags = new InspectorFlags();
        var root = new RootCommand();
        flags.AddTo(root);

        var settings = flags.ToSettings(root.Parse([.. InspectorArguments.For(spec, options)]));

        Assert.That(settings.ScanSettings.ContentOverride.CveFeed, Is.EqualTo("https://feeds.example/feed.xml.bz2"));
        Assert.That(settings.ScanSettings.DockerConfigFiles, Is.Empty);
    }
}

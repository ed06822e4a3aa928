using System.Text.Json;
using System.Text.Json.Nodes;
using ManageIQ.OpenScap.Kubernetes.OpenShift;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Kubernetes.Tests.OpenShift;

public sealed class OpenShiftImageAnnotatorTests : ScanHarnessFixture
{
    private const string Digest = "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b825dc642cb6eb9a060e54bf";

    [Test]
    [CancelAfter(20_000)]
    public async Task AnnotateAsync_NotCompliant_WritesFailedPolicyDenyExecutionAndQualityJson(CancellationToken ct)
    {
        var image = AddImage();
        await using var process = Harness.NewProcess();
        var request = Request(compliant: false);

        var outcome = await process.GetRequiredService<IImageAnnotator>().AnnotateAsync(request, ct);

        var annotations = image["metadata"]!["annotations"]!.AsObject();
        var quality = JsonNode.Parse(annotations["quality.images.openshift.io/vulnerability.openscap"]!.GetValue<string>())!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(ImageAnnotationOutcome.Annotated));
            Assert.That(annotations["security.manageiq.org/failed-policy"]!.GetValue<string>(), Is.EqualTo("openscap policy"));
            Assert.That(annotations.ContainsKey("security.manageiq.org/successful-policy"), Is.False);
            Assert.That(annotations["images.openshift.io/deny-execution"]!.GetValue<string>(), Is.EqualTo("true"));
            Assert.That(annotations["unrelated"]!.GetValue<string>(), Is.EqualTo("kept"));
            Assert.That(quality["name"]!.GetValue<string>(), Is.EqualTo("ManageIQ"));
            Assert.That(quality["timestamp"]!.GetValue<long>(), Is.EqualTo(request.Timestamp.ToUnixTimeSeconds()));
            Assert.That(quality["compliant"]!.GetValue<bool>(), Is.False);
            Assert.That(quality["summary"]!.ToJsonString(), Is.EqualTo(
                """[{"label":"Critical","severityIndex":3,"data":4},{"label":"Important","severityIndex":2,"data":3},{"label":"Medium","severityIndex":1,"data":2},{"label":"Low","severityIndex":0,"data":1}]"""));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task AnnotateAsync_CompliantAfterFailing_ReplacesFailedPolicyWithSuccessfulPolicy(CancellationToken ct)
    {
        var image = AddImage();
        await using var process = Harness.NewProcess();
        var annotator = process.GetRequiredService<IImageAnnotator>();
        await annotator.AnnotateAsync(Request(compliant: false), ct);

        await annotator.AnnotateAsync(Request(compliant: true), ct);

        var annotations = image["metadata"]!["annotations"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(annotations["security.manageiq.org/successful-policy"]!.GetValue<string>(), Is.EqualTo("openscap policy"));
            Assert.That(annotations.ContainsKey("security.manageiq.org/failed-policy"), Is.False);
            Assert.That(annotations["images.openshift.io/deny-execution"]!.GetValue<string>(), Is.EqualTo("false"));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task AnnotateAsync_PlainKubernetes_SkipsWithOneInformationLine(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();

        var outcome = await process.GetRequiredService<IImageAnnotator>().AnnotateAsync(Request(compliant: false), ct);

        var lines = Harness.Logs.GetSnapshot().Where(r => r.Category == typeof(OpenShiftImageAnnotator).FullName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(ImageAnnotationOutcome.SkippedNotOpenShift));
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Information));
            Assert.That(Harness.Api.RequestsByKind.ContainsKey("patch image"), Is.False);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task AnnotateAsync_ImageUnknownToTheCluster_ReportsImageNotFound(CancellationToken ct)
    {
        Harness.Api.IsOpenShift = true;
        await using var process = Harness.NewProcess();

        var outcome = await process.GetRequiredService<IImageAnnotator>().AnnotateAsync(Request(compliant: true), ct);

        Assert.That(outcome, Is.EqualTo(ImageAnnotationOutcome.ImageNotFound));
    }

    [TestCase("latest")]
    [TestCase("sha256:abc")]
    [TestCase("registry.example/app@sha256:XYZ")]
    public async Task AnnotateAsync_NoValidDigest_ThrowsNamingTheValue(string digest)
    {
        await using var process = Harness.NewProcess();

        Assert.That(
            () => process.GetRequiredService<IImageAnnotator>().AnnotateAsync(Request(compliant: true) with { ImageDigest = digest }, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains(digest));
    }

    [Test]
    public void From_ScapSeverityCounts_MapsLikeManageIq()
    {
        var counts = SeverityCounts.From(new ScapSeverityCounts(High: 5, Medium: 4, Low: 3, Info: 2, Unknown: 1));

        Assert.That(counts, Is.EqualTo(new SeverityCounts(Critical: 5, Important: 4, Medium: 3, Low: 3)));
    }

    [Test]
    public void QualityJson_Always_IsCompactAndWellUnderTheAnnotationLimit()
    {
        var json = ImageAnnotations.QualityJson(Request(compliant: true));

        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("description").GetString(), Is.EqualTo("OpenSCAP Score"));
        Assert.That(json, Has.Length.LessThan(1024));
    }

    private JsonObject AddImage()
    {
        Harness.Api.IsOpenShift = true;
        var image = new JsonObject
        {
            ["kind"] = "Image",
            ["apiVersion"] = "image.openshift.io/v1",
            ["metadata"] = new JsonObject { ["name"] = Digest, ["annotations"] = new JsonObject { ["unrelated"] = "kept" } },
        };
        Harness.Api.Images[Digest] = image;
        return image;
    }

    private static ImageAnnotationRequest Request(bool compliant) =>
        new(ScanHarness.Provider, $"registry.example/app@{Digest}", "openscap policy", compliant, new SeverityCounts(4, 3, 2, 1), new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
}

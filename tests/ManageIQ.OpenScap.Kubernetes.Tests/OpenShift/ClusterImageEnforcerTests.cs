using System.Text.Json.Nodes;
using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Kubernetes.OpenShift;
using ManageIQ.OpenScap.Kubernetes.Tests.Support;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes.Tests.OpenShift;

/// <summary>The verdict's enforcement through the fake Kubernetes API: denied, lifted, and skipped with one line where there is nothing to annotate.</summary>
public sealed class ClusterImageEnforcerTests : ScanHarnessFixture
{
    private const string Digest = "sha256:5b825dc642cb6eb9a060e54bf8d69288fbee4904b825dc642cb6eb9a060e54bf";

    [Test]
    [CancelAfter(20_000)]
    public async Task EnforceAsync_NonCompliantThenPassing_DeniesThenLiftsNamingThePolicyThatPassed(CancellationToken ct)
    {
        var image = AddImage();
        await using var process = Harness.NewProcess();
        var enforcer = process.GetRequiredService<IImageEnforcer>();

        await enforcer.EnforceAsync(Request(compliant: false), ct);
        var denied = Annotations(image);
        Assert.Multiple(() =>
        {
            Assert.That(denied["images.openshift.io/deny-execution"], Is.EqualTo("true"));
            Assert.That(denied["security.manageiq.org/failed-policy"], Is.EqualTo(EnforcementOptions.DefaultPolicyName));
        });

        await enforcer.EnforceAsync(Request(compliant: true), ct);
        var lifted = Annotations(image);
        Assert.Multiple(() =>
        {
            Assert.That(lifted["images.openshift.io/deny-execution"], Is.EqualTo("false"));
            Assert.That(lifted["security.manageiq.org/successful-policy"], Is.EqualTo(EnforcementOptions.DefaultPolicyName));
            Assert.That(lifted, Does.Not.ContainKey("security.manageiq.org/failed-policy"));
            Assert.That(Harness.Api.RequestsByKind["patch image"], Is.EqualTo(2));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task EnforceAsync_AProviderNoClusterServes_SkipsWithOneInformationLine(CancellationToken ct)
    {
        AddImage();
        await using var process = Harness.NewProcess();

        await process.GetRequiredService<IImageEnforcer>().EnforceAsync(Request(compliant: false) with { ProviderId = "99" }, ct);

        var lines = Harness.Logs.GetSnapshot().Where(r => r.Category == typeof(ClusterImageEnforcer).FullName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(lines[0].Message, Does.Contain("no configured cluster serves the provider"));
            Assert.That(Harness.Api.RequestsByKind.ContainsKey("patch image"), Is.False);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task EnforceAsync_PlainKubernetes_SkipsWithOneInformationLine(CancellationToken ct)
    {
        await using var process = Harness.NewProcess();

        await process.GetRequiredService<IImageEnforcer>().EnforceAsync(Request(compliant: false), ct);

        var lines = Harness.Logs.GetSnapshot().Where(r => r.Category is { } c && (c == typeof(ClusterImageEnforcer).FullName || c == typeof(OpenShiftImageAnnotator).FullName)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(lines[0].Message, Does.Contain("plain Kubernetes"));
            Assert.That(Harness.Api.RequestsByKind.ContainsKey("patch image"), Is.False);
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task EnforceAsync_ADigestTheClusterCannotName_IsLoggedNotThrown(CancellationToken ct)
    {
        Harness.Api.IsOpenShift = true;
        await using var process = Harness.NewProcess();

        await process.GetRequiredService<IImageEnforcer>().EnforceAsync(Request(compliant: false) with { Digest = "latest" }, ct);

        Assert.That(Harness.Logs.GetSnapshot().Where(r => r.Category == typeof(ClusterImageEnforcer).FullName).Select(r => r.Level), Is.EqualTo(new[] { LogLevel.Warning }));
    }

    private static Dictionary<string, string> Annotations(JsonObject image) =>
        image["metadata"]!["annotations"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    private JsonObject AddImage()
    {
        Harness.Api.IsOpenShift = true;
        var image = new JsonObject
        {
            ["kind"] = "Image",
            ["apiVersion"] = "image.openshift.io/v1",
            ["metadata"] = new JsonObject { ["name"] = Digest, ["annotations"] = new JsonObject() },
        };
        Harness.Api.Images[Digest] = image;
        return image;
    }

    private static ImageEnforcementRequest Request(bool compliant) =>
        new(ScanHarness.Provider.Id!, Digest, EnforcementOptions.DefaultPolicyName, compliant, new ScapSeverityCounts(1, 0, 0, 0, 0), new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
}

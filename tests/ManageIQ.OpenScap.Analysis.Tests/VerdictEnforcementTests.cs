using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Analysis.Enforcement;
using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Options;
using Moq;
using static ManageIQ.OpenScap.Publishing.OpenScapStatus;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>Which verdicts reach the cluster, and as what: a table of status, options and image.</summary>
public sealed class VerdictEnforcementTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    // status, DenyOnError, Annotate, digest, provider | expected: null = no call, else the compliant flag sent
    [TestCase(NonCompliant, false, true, Digest, 5L, false, TestName = "Non-compliant: deny")]
    [TestCase(Compliant, false, true, Digest, 5L, true, TestName = "Compliant: lift")]
    [TestCase(Error, false, true, Digest, 5L, null, TestName = "Error: nothing")]
    [TestCase(Error, true, true, Digest, 5L, false, TestName = "Error with DenyOnError: deny")]
    [TestCase(NonCompliant, false, false, Digest, 5L, null, TestName = "Annotate off: nothing")]
    [TestCase(NonCompliant, false, true, null, 5L, null, TestName = "No digest: nothing")]
    [TestCase(NonCompliant, false, true, "docker-image-id", 5L, null, TestName = "Not a sha256 digest: nothing")]
    [TestCase(NonCompliant, false, true, Digest, null, null, TestName = "No provider: nothing")]
    public async Task EnforceAsync_TheVerdict_ReachesTheClusterAsTheTableSays(OpenScapStatus status, bool denyOnError, bool annotate, string? digest, long? provider, bool? expected)
    {
        var enforcer = new Mock<IImageEnforcer>();
        var enforcement = new VerdictEnforcement(enforcer.Object, Options.Create(new EnforcementOptions { DenyOnError = denyOnError, Annotate = annotate }));

        await enforcement.EnforceAsync(new ContainerImage { Id = 3, Name = "team/app", EmsId = provider }, Result(status, digest), CancellationToken.None);

        if (expected is { } compliant)
        {
            enforcer.Verify(e => e.EnforceAsync(It.Is<ImageEnforcementRequest>(r => r.Compliant == compliant && r.Digest == digest && r.ProviderId == "5" && r.PolicyName == EnforcementOptions.DefaultPolicyName), It.IsAny<CancellationToken>()), Times.Once);
        }
        else
        {
            enforcer.Verify(e => e.EnforceAsync(It.IsAny<ImageEnforcementRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        }
    }

    private static ComposedResult Result(OpenScapStatus status, string? digest) => new(
        new PublishedScan { ScanId = "s", ScannedOn = DateTimeOffset.UnixEpoch, Digest = digest ?? string.Empty },
        status,
        new ScanResultRecord { ImageId = 3, Digest = digest, ScanId = "s", ScannedOn = DateTimeOffset.UnixEpoch, Status = status.ToWire(), ContentFingerprint = string.Empty, Attributes = [] });
}

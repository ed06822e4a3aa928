using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Tests.Scanning;

public class ImageIdentityTests
{
    private static readonly string Index = "sha256:" + new string('1', 64);
    private static readonly string Manifest = "sha256:" + new string('2', 64);
    private static readonly string Config = "sha256:" + new string('3', 64);

    private static readonly ImageIdentity Seen = new()
    {
        Reference = "r.example/app@" + Index,
        ImageId = Config,
        ManifestDigest = Manifest,
        IndexDigest = Index,
        RepoDigests = ["r.example/app@" + Index],
    };

    [TestCase("index digest")]
    [TestCase("manifest digest")]
    [TestCase("image id")]
    [TestCase("docker-pullable image_ref")]
    public void Matches_WhatManageIqKnows_IsThisImage(string what)
    {
        var expected = what switch
        {
            "index digest" => Index,
            "manifest digest" => Manifest,
            "image id" => Config,
            _ => "docker-pullable://r.example/app@" + Index,
        };
        Assert.That(Seen.Matches(expected), Is.True);
    }

    [Test]
    public void Matches_AnotherDigest_IsAnotherImage()
    {
        Assert.That(Seen.Matches("sha256:" + new string('9', 64)), Is.False);
    }

    [TestCase("r.example/app:1.0", "r.example/app:1.0@sha256:abc")]
    [TestCase("r.example/app:1.0@sha256:old", "r.example/app:1.0@sha256:abc")]
    [TestCase("oci:/layouts/app:1.0", "oci:/layouts/app:1.0")]
    public void Pin_ADigest_PullsByIt(string image, string pinned)
    {
        Assert.That(ImagePin.Pin(image, "docker-pullable://r.example/app@sha256:abc"), Is.EqualTo(pinned));
    }

    [Test]
    public void Check_AnotherImageThanListed_IsAMismatchWithoutResults()
    {
        var report = new ScanReport { Outcome = ScanOutcome.Completed, OscapExitCode = 2, Image = Seen, Summary = new Scap.ScapSummary { Kind = Scap.ScapResultKind.Arf } };
        var job = new ScanJob { JobId = "j", Image = "r.example/app:1.0", ExpectedImageId = "sha256:" + new string('8', 64), OutputDirectory = "/tmp/out" };

        var checkedReport = ImageIdentityCheck.Apply(report, job);

        Assert.That(checkedReport.Outcome, Is.EqualTo(ScanOutcome.Failed));
        Assert.That(checkedReport.ErrorKind, Is.EqualTo(ScanErrorKind.ImageMismatch));
        Assert.That(checkedReport.ErrorMessage, Does.Contain("tag moved"));
        Assert.That(checkedReport.Summary, Is.Null);
        Assert.That(ExitCodes.For(checkedReport), Is.EqualTo(ExitCodes.ImageMismatch));
    }

    [Test]
    public void Check_TheListedImage_KeepsTheReport()
    {
        var report = new ScanReport { Outcome = ScanOutcome.Completed, Image = Seen };
        var job = new ScanJob { JobId = "j", Image = "r.example/app:1.0", ExpectedDigest = Index, OutputDirectory = "/tmp/out" };
        Assert.That(ImageIdentityCheck.Apply(report, job), Is.SameAs(report));
    }
}

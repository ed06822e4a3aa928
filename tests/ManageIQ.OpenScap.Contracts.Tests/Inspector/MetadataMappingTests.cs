using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Contracts.Tests.Inspector;

public class MetadataMappingTests
{
    private static readonly DateTimeOffset Now = new(2006, 1, 2, 15, 4, 5, TimeSpan.Zero);

    [Test]
    public void Rfc850_Time_IsGoFormat()
    {
        Assert.That(MetadataMapping.Rfc850(Now), Is.EqualTo("Monday, 02-Jan-06 15:04:05 UTC"));
    }

    [Test]
    public void ToMetadata_WhileScanning_IsRunningWithProgress()
    {
        var progress = new ScanProgress(ScanStage.Pulling, "img", new LayerProgress(1, 2, 10, 100));
        var metadata = MetadataMapping.ToMetadata("img", progress, Now, null, null, Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(OpenScapStatus.Running));
        Assert.That(metadata.Progress!.Stage, Is.EqualTo(ScanStage.Pulling));
        Assert.That(metadata.Progress.Message, Does.StartWith("Pulling layer 1/2"));
        Assert.That(metadata.Progress.Layer!.BytesTotal, Is.EqualTo(100));
        Assert.That(metadata.ImageAcquireError, Is.Empty);
    }

    [TestCase(ScanErrorKind.None, OpenScapStatus.Success, "", "")]
    [TestCase(ScanErrorKind.ImageAcquireFailed, OpenScapStatus.NotRequested, "", "boom")]
    [TestCase(ScanErrorKind.NoContent, OpenScapStatus.Error, "boom", "")]
    [TestCase(ScanErrorKind.OpenScapFailed, OpenScapStatus.Error, "boom", "")]
    public void ToMetadata_Finished_MapsOutcomeLikeImageInspector(ScanErrorKind kind, string status, string errorMessage, string acquireError)
    {
        var report = kind == ScanErrorKind.None ? new ScanReport { Outcome = ScanOutcome.Completed } : ScanReport.Failure(kind, "boom");
        var metadata = MetadataMapping.ToMetadata("img", null, Now, report, null, Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(status));
        Assert.That(metadata.OpenSCAP.ErrorMessage, Is.EqualTo(errorMessage));
        Assert.That(metadata.ImageAcquireError, Is.EqualTo(acquireError));
    }

    [Test]
    public void ToMetadata_FatalError_IsAnOpenScapError()
    {
        var metadata = MetadataMapping.ToMetadata("img", null, Now, null, "crashed", Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(OpenScapStatus.Error));
        Assert.That(metadata.OpenSCAP.ErrorMessage, Is.EqualTo("crashed"));
    }

    [Test]
    public void ToReport_OfTheSerializedMetadata_IsTheReportWithoutItsSummary()
    {
        var report = new ScanReport
        {
            Outcome = ScanOutcome.Completed,
            OscapExitCode = 2,
            Image = new ImageIdentity { Reference = "r.example/a@sha256:1", ImageId = "sha256:c", ManifestDigest = "sha256:m", IndexDigest = "sha256:i", RepoDigests = ["r.example/a@sha256:i"], Os = "linux", Architecture = "amd64" },
            Distribution = new ScanDistribution("debian", "12", ["linux"], "Debian GNU/Linux 12"),
            Content = new ContentFingerprint { DataStream = "ssg-debian12-ds.xml", Profile = "standard", CveFeedDate = Now, CveFeedVersion = "\"e1\"" },
            Summary = new ScapSummary { Kind = ScapResultKind.Arf },
            Artifacts = new ScanArtifactPaths { Arf = "/scan/results/results-arf.xml" },
            Notes = ["a note"],
            Timings = new ScanTimings { Oscap = TimeSpan.FromSeconds(4.25), Total = TimeSpan.FromSeconds(9) },
        };

        var json = InspectorJson.Serialize(MetadataMapping.ToMetadata("img", null, Now, report, null, Now));
        var read = MetadataMapping.ToReport(InspectorJson.DeserializeMetadata(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.That(json, Does.Contain("\"ImageAcquireError\": \"\"").And.Contain("\"Id\": \"sha256:c\"").And.Contain("\"Status\": \"Success\""));
        Assert.That(read.Summary, Is.Null, "the summary is served at its own endpoint");
        Assert.That(read with { Summary = report.Summary, Image = report.Image, Notes = report.Notes }, Is.EqualTo(report));
        Assert.That(read.Image, Is.EqualTo(report.Image with { RepoDigests = read.Image!.RepoDigests }));
        Assert.That(read.Image.RepoDigests, Is.EqualTo(report.Image!.RepoDigests));
        Assert.That(read.Notes, Is.EqualTo(report.Notes));
        Assert.That(read.Content!.ToString(), Is.EqualTo(report.Content!.ToString()));
    }

    [Test]
    public void ToReport_ImageInspectorMetadataWithoutReport_KeepsItsVerdict()
    {
        var metadata = new InspectorMetadata { Image = "img", ImageAcquireError = "no such image", OpenSCAP = new OpenScapMetadata { Status = OpenScapStatus.NotRequested } };
        var report = MetadataMapping.ToReport(metadata);
        Assert.That(report.ErrorKind, Is.EqualTo(ScanErrorKind.ImageAcquireFailed));
        Assert.That(report.ErrorMessage, Is.EqualTo("no such image"));
    }
}

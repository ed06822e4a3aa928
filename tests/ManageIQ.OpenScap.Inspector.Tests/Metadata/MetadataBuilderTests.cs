using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Inspector.Metadata;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Tests.Metadata;

public class MetadataBuilderTests
{
    private static readonly DateTimeOffset Now = new(2006, 1, 2, 15, 4, 5, TimeSpan.Zero);

    [Test]
    public void Rfc850_Time_IsGoFormat()
    {
        Assert.That(MetadataBuilder.Rfc850(Now), Is.EqualTo("Monday, 02-Jan-06 15:04:05 UTC"));
    }

    [Test]
    public void Build_WhileScanning_IsRunningWithProgress()
    {
        var progress = new ScanProgress(ScanStage.Pulling, "Pulling layer 1/2", new AcquisitionProgress(AcquisitionPhase.PullingLayer, 1, 2, 10, 100));
        var metadata = MetadataBuilder.Build("img", progress, Now, null, null, Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(OpenScapStatus.Running));
        Assert.That(metadata.Progress!.Stage, Is.EqualTo("Pulling"));
        Assert.That(metadata.Progress.BytesTotal, Is.EqualTo(100));
        Assert.That(metadata.ImageAcquireError, Is.Empty);
    }

    [TestCase(ScanOutcome.Completed, OpenScapStatus.Success, "", "")]
    [TestCase(ScanOutcome.ImageAcquireFailed, OpenScapStatus.NotRequested, "", "boom")]
    [TestCase(ScanOutcome.NoContent, OpenScapStatus.Error, "boom", "")]
    [TestCase(ScanOutcome.ScanFailed, OpenScapStatus.Error, "boom", "")]
    public void Build_Finished_MapsOutcomeLikeImageInspector(ScanOutcome outcome, string status, string errorMessage, string acquireError)
    {
        var result = new ImageScanResult { Outcome = outcome, ErrorMessage = outcome == ScanOutcome.Completed ? null : "boom" };
        var metadata = MetadataBuilder.Build("img", null, Now, result, null, Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(status));
        Assert.That(metadata.OpenSCAP.ErrorMessage, Is.EqualTo(errorMessage));
        Assert.That(metadata.ImageAcquireError, Is.EqualTo(acquireError));
    }

    [Test]
    public void Build_FatalError_IsAnOpenScapError()
    {
        var metadata = MetadataBuilder.Build("img", null, Now, null, "crashed", Now);
        Assert.That(metadata.OpenSCAP.Status, Is.EqualTo(OpenScapStatus.Error));
        Assert.That(metadata.OpenSCAP.ErrorMessage, Is.EqualTo("crashed"));
    }
}

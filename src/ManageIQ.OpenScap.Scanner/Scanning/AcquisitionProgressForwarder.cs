using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Turns the acquisition's progress into scan progress.</summary>
internal sealed class AcquisitionProgressForwarder(IProgress<ScanProgress>? target) : IProgress<AcquisitionProgress>
{
    public void Report(AcquisitionProgress value)
    {
        if (target is null || value is null)
        {
            return;
        }

        var (stage, message) = value.Phase switch
        {
            AcquisitionPhase.PullingLayer => (ScanStage.Pulling, $"Pulling layer {value.LayerIndex}/{value.LayerCount}: {value.BytesDone}/{value.BytesTotal} bytes"),
            AcquisitionPhase.Unpacking => (ScanStage.Unpacking, $"Unpacking layer {value.LayerIndex}/{value.LayerCount}"),
            AcquisitionPhase.Done => (ScanStage.Unpacking, "Root filesystem complete"),
            _ => (ScanStage.Resolving, "Resolving the image"),
        };
        target.Report(new ScanProgress(stage, message, value));
    }
}

using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Turns the acquisition's progress into scan progress events.</summary>
internal sealed class AcquisitionProgressForwarder(IProgress<ScanProgress>? target, string image) : IProgress<AcquisitionProgress>
{
    public void Report(AcquisitionProgress value)
    {
        if (target is null || value is null)
        {
            return;
        }

        var layer = new LayerProgress(value.LayerIndex, value.LayerCount, value.BytesDone, value.BytesTotal, value.Digest);
        target.Report(value.Phase switch
        {
            AcquisitionPhase.PullingLayer => new ScanProgress(ScanStage.Pulling, image, layer),
            AcquisitionPhase.Unpacking => new ScanProgress(ScanStage.Unpacking, image, layer),
            AcquisitionPhase.Done => new ScanProgress(ScanStage.Unpacking, image),
            _ => new ScanProgress(ScanStage.Resolving, image),
        });
    }
}

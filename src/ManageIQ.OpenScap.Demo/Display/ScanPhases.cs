using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>A scan's stages as steps of its progress bar: pulling to publishing.</summary>
public static class ScanPhases
{
    public const int Publishing = 7;

    /// <summary>The last step: the result is in ManageIQ.</summary>
    public const int Count = 8;

    public static int Of(ScanStage stage) => stage switch
    {
        ScanStage.Queued or ScanStage.Starting or ScanStage.Resolving => 1,
        ScanStage.Pulling => 2,
        ScanStage.Unpacking => 3,
        ScanStage.PreparingContent => 4,
        ScanStage.Scanning => 5,
        ScanStage.Reporting or ScanStage.Collecting => 6,
        _ => 6,
    };
}

namespace ManageIQ.OpenScap.Images;

/// <summary>A progress report. Layer indexes count from 1.</summary>
public sealed record AcquisitionProgress(
    AcquisitionPhase Phase,
    int LayerIndex = 0,
    int LayerCount = 0,
    long BytesDone = 0,
    long BytesTotal = 0,
    string? Digest = null);

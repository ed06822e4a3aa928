namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>A layer being pulled or unpacked; indexes count from 1.</summary>
public sealed record LayerProgress(int Index, int Count, long BytesDone, long BytesTotal, string? Digest = null);

namespace ManageIQ.OpenScap.State.Queue;

/// <summary>A scan to queue: the image, its provider, the digest ManageIQ lists (null when none) and the priority.</summary>
public sealed record ScanRequest(long ImageId, long ProviderId, string? Digest, ScanPriority Priority);

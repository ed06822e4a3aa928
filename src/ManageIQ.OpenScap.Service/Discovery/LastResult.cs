namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>What skipping needs of an image's last result: the digest scanned, the fingerprint, when, and the distribution.</summary>
public sealed record LastResult(string? Digest, string ContentFingerprint, DateTimeOffset ScannedOn, string? Distribution, string Status);

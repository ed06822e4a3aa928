namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>The image's os-release.</summary>
public sealed record DistributionMetadata(string Id, string? VersionId, IReadOnlyList<string> IdLike, string? PrettyName);

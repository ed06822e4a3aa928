namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The image's distribution, from its os-release.</summary>
public sealed record ScanDistribution(string Id, string? VersionId, IReadOnlyList<string> IdLike, string? PrettyName)
{
    public bool Equals(ScanDistribution? other) =>
        other is not null && Id == other.Id && VersionId == other.VersionId && PrettyName == other.PrettyName && IdLike.SequenceEqual(other.IdLike);

    public override int GetHashCode() => HashCode.Combine(Id, VersionId, PrettyName);
}

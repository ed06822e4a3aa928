namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Which image a scan evaluated, exactly.</summary>
public sealed record ImageIdentity
{
    /// <summary>The reference pulled (pinned by digest when the job named one).</summary>
    public required string Reference { get; init; }

    /// <summary>The image id: the digest of the image configuration.</summary>
    public required string ImageId { get; init; }

    /// <summary>The digest of the platform's image manifest that was pulled; null for a docker archive.</summary>
    public string? ManifestDigest { get; init; }

    /// <summary>The digest of the manifest list or index the manifest was picked from, when the reference named one.</summary>
    public string? IndexDigest { get; init; }

    /// <summary><c>registry/repository@digest</c> of what the reference resolved to.</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    public string? Os { get; init; }

    public string? Architecture { get; init; }

    /// <summary>
    /// ManageIQ's identity rule, extended to indexes: <paramref name="expected"/> (a digest, an image id or
    /// <c>name@digest</c>) names this image when its digest is the image id, the manifest digest, the index digest or
    /// the digest of one of the repo digests.
    /// </summary>
    public bool Matches(string expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expected);
        var digest = DigestOf(expected);
        return digest == ImageId || digest == ManifestDigest || digest == IndexDigest || RepoDigests.Any(d => DigestOf(d) == digest);
    }

    /// <summary>The digest part of <c>name@digest</c>, <c>docker-pullable://name@digest</c> or a bare digest.</summary>
    public static string DigestOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value[(value.LastIndexOf('@') + 1)..];
    }

    /// <summary>What was seen, for messages.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { ImageId, ManifestDigest, IndexDigest }.Concat(RepoDigests).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal));
}

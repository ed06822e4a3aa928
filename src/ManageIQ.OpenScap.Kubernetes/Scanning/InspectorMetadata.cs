using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>The inspector's <c>/api/v1/metadata</c> (image-inspector's <c>InspectorMetadata</c>, the fields used here).</summary>
public sealed record InspectorMetadata
{
    [JsonPropertyName("ImageAcquireError")]
    public string? ImageAcquireError { get; init; }

    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    [JsonPropertyName("RepoDigests")]
    public IReadOnlyList<string>? RepoDigests { get; init; }

    [JsonPropertyName("OpenSCAP")]
    public InspectorOpenScapStatus? OpenScap { get; init; }

    /// <summary>ManageIQ's identity rule: the id, one of the repo digests, or the digest part after '@'.</summary>
    public bool Matches(string expectedId)
    {
        ArgumentNullException.ThrowIfNull(expectedId);
        static string Digest(string value) => value[(value.LastIndexOf('@') + 1)..];
        var expected = Digest(expectedId);
        return string.Equals(Id, expectedId, StringComparison.Ordinal)
            || string.Equals(Id, expected, StringComparison.Ordinal)
            || (RepoDigests ?? []).Any(d => d == expectedId || Digest(d) == expected);
    }
}

using System.Security.Cryptography;
using ManageIQ.OpenScap.Images.Sources;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>
/// A manifest digest asked for by digest (<c>image@sha256:…</c>): sha256 and sha512, the algorithms the OCI
/// image specification registers, are verified; any other is refused before anything is fetched, since a
/// pin that is not checked would pin nothing.
/// </summary>
internal sealed record DigestPin(string Algorithm, string Digest)
{
    /// <summary>True when a manifest reference is a digest rather than a tag (tags have no colon).</summary>
    public static bool IsDigest(string manifestReference) => manifestReference.Contains(':', StringComparison.Ordinal);

    /// <exception cref="SourceException">InvalidRequest: an algorithm that cannot be verified, or a digest of the wrong length.</exception>
    public static DigestPin Parse(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var algorithm = colon < 0 ? string.Empty : digest[..colon];
        var hex = digest[(colon + 1)..];
        var length = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => throw new SourceException(ImageAcquisitionFailure.InvalidRequest,
                $"the digest pin {digest} uses '{algorithm}', which cannot be verified; pin a sha256: or sha512: digest"),
        };
        return hex.Length == length && hex.All(char.IsAsciiHexDigitLower)
            ? new DigestPin(algorithm, digest)
            : throw new SourceException(ImageAcquisitionFailure.InvalidRequest, $"the digest pin {digest} is not {algorithm}:<{length} lower-case hex digits>");
    }

    /// <summary>The digest of <paramref name="content"/> in this pin's algorithm.</summary>
    public string Compute(ReadOnlySpan<byte> content) =>
        Algorithm + ":" + Convert.ToHexStringLower(Algorithm == "sha512" ? SHA512.HashData(content) : SHA256.HashData(content));

    /// <exception cref="SourceException">DigestMismatch: <paramref name="content"/> is not what the pin names.</exception>
    public void Verify(ReadOnlySpan<byte> content, string what)
    {
        var actual = Compute(content);
        if (actual != Digest)
        {
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch, $"the {what} asked for as {Digest} hashes to {actual}");
        }
    }
}

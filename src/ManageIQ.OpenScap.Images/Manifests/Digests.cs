using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>sha256 digests: validation (they become file names and URL parts) and computation.</summary>
internal static partial class Digests
{
    public static bool IsValidSha256(string? digest) => digest is not null && Sha256Pattern().IsMatch(digest);

    public static string Sha256(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: false);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The hex part: <c>sha256:abc…</c> → <c>abc…</c>.</summary>
    public static string Hex(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..];

    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();
}

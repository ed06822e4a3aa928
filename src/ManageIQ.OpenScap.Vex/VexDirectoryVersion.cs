using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// The version of a directory feed, for the content fingerprint: the digest of its documents' relative paths,
/// lengths and modification times. Cheap enough for discovery to read at each pass (no document is read), and it
/// changes whenever a mirror adds, removes or rewrites one. The scanner and discovery's prediction both use it.
/// </summary>
public static class VexDirectoryVersion
{
    public const string Prefix = "dir-sha256:";

    public static string Of(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var document in VexFeedDirectory.Documents(directory))
        {
            var file = new FileInfo(document);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(directory, document)}\0{file.Length}\0{file.LastWriteTimeUtc.Ticks}\n")));
        }

        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

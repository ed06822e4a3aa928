namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Pins a registry reference to a digest: <c>name[:tag]@digest</c>, which registries resolve by the digest.</summary>
public static class ImagePin
{
    private static readonly string[] LocalPrefixes = ["oci:", "docker-archive:"];

    /// <summary>
    /// <paramref name="image"/> with its digest replaced by (or set to) <paramref name="digest"/>; unchanged without a
    /// digest or for a local source (<c>oci:</c>, <c>docker-archive:</c>), which has no registry to ask.
    /// </summary>
    public static string Pin(string image, string? digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (string.IsNullOrWhiteSpace(digest) || LocalPrefixes.Any(p => image.StartsWith(p, StringComparison.Ordinal)))
        {
            return image;
        }

        var bare = ImageIdentity.DigestOf(digest);
        var at = image.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? image : image[..at]) + "@" + bare;
    }
}

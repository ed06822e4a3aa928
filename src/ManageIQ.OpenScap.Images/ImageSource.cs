namespace ManageIQ.OpenScap.Images;

/// <summary>
/// The image to acquire: a registry reference (optionally written <c>docker://REF</c>),
/// <c>oci:PATH[:TAG]</c> or <c>docker-archive:PATH[:REFERENCE]</c>, as skopeo spells them.
/// </summary>
public sealed record ImageSource
{
    private const string OciPrefix = "oci:";
    private const string DockerArchivePrefix = "docker-archive:";
    private const string DockerPrefix = "docker://";

    private ImageSource(ImageSourceKind kind, ImageReference? reference, string? path, string? tag)
    {
        Kind = kind;
        Reference = reference;
        Path = path;
        Tag = tag;
    }

    public ImageSourceKind Kind { get; }

    /// <summary>The registry reference, for <see cref="ImageSourceKind.Registry"/>.</summary>
    public ImageReference? Reference { get; }

    /// <summary>The layout directory or archive file, for local sources.</summary>
    public string? Path { get; }

    /// <summary>
    /// For an OCI layout, the <c>org.opencontainers.image.ref.name</c> to pick; for a docker archive,
    /// the RepoTag to pick. Null picks the only image.
    /// </summary>
    public string? Tag { get; }

    public static ImageSource FromReference(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new(ImageSourceKind.Registry, reference, null, null);
    }

    public static ImageSource FromOciLayout(string path, string? tag = null) =>
        new(ImageSourceKind.OciLayout, null, RequirePath(path), string.IsNullOrEmpty(tag) ? null : tag);

    public static ImageSource FromDockerArchive(string path, string? reference = null) =>
        new(ImageSourceKind.DockerArchive, null, RequirePath(path), string.IsNullOrEmpty(reference) ? null : reference);

    /// <summary>Parses <c>oci:PATH[:TAG]</c>, <c>docker-archive:PATH[:REF]</c>, <c>docker://REF</c> or a plain reference.</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static ImageSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.StartsWith(OciPrefix, StringComparison.Ordinal))
        {
            var (path, tag) = SplitPath(text[OciPrefix.Length..]);
            return FromOciLayout(path, tag);
        }

        if (text.StartsWith(DockerArchivePrefix, StringComparison.Ordinal))
        {
            var (path, reference) = SplitPath(text[DockerArchivePrefix.Length..]);
            return FromDockerArchive(path, reference);
        }

        var plain = text.StartsWith(DockerPrefix, StringComparison.Ordinal) ? text[DockerPrefix.Length..] : text;
        return FromReference(ImageReference.Parse(plain));
    }

    public override string ToString() => Kind switch
    {
        ImageSourceKind.OciLayout => OciPrefix + Path + (Tag is null ? string.Empty : ":" + Tag),
        ImageSourceKind.DockerArchive => DockerArchivePrefix + Path + (Tag is null ? string.Empty : ":" + Tag),
        _ => Reference!.ToString(),
    };

    // Like skopeo, the path ends at the first colon: paths with colons are not supported.
    private static (string Path, string? Tag) SplitPath(string rest)
    {
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (rest, null) : (rest[..colon], rest[(colon + 1)..]);
    }

    private static string RequirePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new FormatException("A local image source needs a path.");
        }

        return path;
    }
}

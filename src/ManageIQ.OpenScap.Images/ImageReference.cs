using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// An image reference parsed by the Docker reference grammar (distribution/reference):
/// <c>[registry[:port]/]path[:tag][@digest]</c>, with the <c>docker.io</c>, <c>library/</c> and
/// <c>latest</c> defaults applied.
/// </summary>
public sealed partial record ImageReference
{
    public const string DefaultRegistry = "docker.io";
    public const string DefaultTag = "latest";
    private const int MaxNameLength = 255;

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host, with its port if one was given (<c>docker.io</c> when none).</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry (<c>library/debian</c>).</summary>
    public string Repository { get; }

    /// <summary>The tag; <c>latest</c> when neither a tag nor a digest was given; null for a digest-only reference.</summary>
    public string? Tag { get; }

    /// <summary>The digest (<c>sha256:…</c>) when the reference pins one.</summary>
    public string? Digest { get; }

    /// <summary>Registry and repository: <c>docker.io/library/debian</c>.</summary>
    public string Name => Registry + "/" + Repository;

    /// <summary>What to ask the registry's manifest endpoint for: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag ?? DefaultTag;

    /// <summary>The host the registry API is served on (Docker Hub's API lives on registry-1.docker.io).</summary>
    public string ApiHost => Registry == DefaultRegistry ? "registry-1.docker.io" : Registry;

    public static ImageReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return TryParse(reference, out var parsed, out var error)
            ? parsed
            : throw new FormatException($"Invalid image reference '{reference}': {error}");
    }

    public static bool TryParse(string? reference, [NotNullWhen(true)] out ImageReference? parsed) =>
        TryParse(reference, out parsed, out _);

    /// <summary>Returns a copy that pins <paramref name="digest"/>, keeping the tag.</summary>
    public ImageReference WithDigest(string digest) => new(Registry, Repository, Tag, digest);

    /// <summary>The canonical, fully qualified form: <c>docker.io/library/debian:12</c>, <c>host:5000/a/b@sha256:…</c>.</summary>
    public override string ToString() =>
        Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    private static bool TryParse(string? reference, [NotNullWhen(true)] out ImageReference? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(reference))
        {
            error = "it is empty";
            return false;
        }

        var match = ReferencePattern().Match(reference);
        if (!match.Success)
        {
            error = "it does not follow the [registry/]repository[:tag][@digest] grammar (repository paths are lower case)";
            return false;
        }

        var name = match.Groups["name"].Value;
        if (name.Length > MaxNameLength)
        {
            error = $"the name is longer than {MaxNameLength} characters";
            return false;
        }

        var (registry, repository) = SplitDomain(name);
        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success ? match.Groups["digest"].Value : null;
        if (digest is not null && !IsValidDigest(digest))
        {
            error = "its digest is not algorithm:hex (sha256 needs 64 lower-case hex digits)";
            return false;
        }

        parsed = new ImageReference(registry, repository, tag ?? (digest is null ? DefaultTag : null), digest);
        error = string.Empty;
        return true;
    }

    private static (string Registry, string Repository) SplitDomain(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        string registry;
        string repository;
        var first = slash < 0 ? string.Empty : name[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost" || first.Any(char.IsUpper)))
        {
            registry = first;
            repository = name[(slash + 1)..];
        }
        else
        {
            registry = DefaultRegistry;
            repository = name;
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DefaultRegistry;
        }

        if (registry == DefaultRegistry && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return (registry, repository);
    }

    private static bool IsValidDigest(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        return algorithm switch
        {
            "sha256" => hex.Length == 64,
            "sha512" => hex.Length == 128,
            _ => hex.Length >= 32,
        };
    }

    // distribution/reference: domain (host components or [IPv6], optional port), lower-case path
    // components separated by [._]|__|-+, tag [\w][\w.-]{0,127}, digest algorithm:hex.
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-f]{32,}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}

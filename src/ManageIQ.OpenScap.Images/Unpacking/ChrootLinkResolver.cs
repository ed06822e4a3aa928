using System.Runtime.Versioning;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Resolves symbolic links of the tree as the kernel would inside a chroot at the root: an
/// absolute target starts at the root, <c>..</c> stops at the root, links met on the way are
/// followed (within the root), at most 40 in all as Linux does. Each link's meaning depends only
/// on its directory and target, so it is worked out once and remembered, with the number of links
/// it takes.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ChrootLinkResolver(RootTree tree, long maxLookups)
{
    /// <summary>Links followed in one resolution before the kernel gives up with ELOOP (MAXSYMLINKS).</summary>
    public const int MaxLinksFollowed = 40;
    private const int MaxRemembered = 256 * 1024;
    private readonly Dictionary<string, (LinkResolution Resolution, int Links)> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    /// <summary>Path components walked so far, over all links.</summary>
    public long Lookups { get; private set; }

    /// <summary>Where the link at <paramref name="link"/> (a relative name) holding <paramref name="target"/> leads.</summary>
    /// <exception cref="LayerException">The walk needed more than the allowed number of lookups.</exception>
    public LinkResolution Resolve(string link, string target) => Follow(link, target, MaxLinksFollowed).Resolution;

    /// <summary>Follows one link with <paramref name="budget"/> links left to follow, itself included; returns how many it took.</summary>
    private (LinkResolution Resolution, int Links) Follow(string link, string target, int budget)
    {
        if (_known.TryGetValue(link, out var known))
        {
            return known.Links <= budget ? known : (LinkResolution.TooDeep, 0);
        }

        if (budget < 1)
        {
            return (LinkResolution.TooDeep, 0);
        }

        if (!_resolving.Add(link))
        {
            // Resolving this link needs this link: a loop whichever way it is entered.
            return (LinkResolution.Loop, 0);
        }

        (LinkResolution Resolution, int Links) result;
        try
        {
            var (resolution, inner) = Walk(RootRelativePath.ParentOf(link), target, budget - 1);
            result = (resolution, inner + 1);
        }
        finally
        {
            _resolving.Remove(link);
        }

        // Too deep depends on where the link was entered from: not a property of the link.
        if (result.Resolution.Kind != LinkResolutionKind.TooDeep && _known.Count < MaxRemembered)
        {
            _known[link] = result;
        }

        return result;
    }

    private (LinkResolution Resolution, int Links) Walk(string start, string target, int budget)
    {
        var parts = target.Split('/');
        var current = target.StartsWith('/') ? string.Empty : start;
        var followed = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            Count();
            var part = parts[i];
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = RootRelativePath.ParentOf(current);
                continue;
            }

            var path = RootRelativePath.Join(current, part);
            var node = tree.Lookup(path);
            LinkResolution found;
            switch (node.Kind)
            {
                case EntryKind.Directory:
                    current = path;
                    continue;
                case EntryKind.File:
                    found = LinkResolution.Found(path, isDirectory: false);
                    break;
                case EntryKind.SymbolicLink:
                    (found, var links) = Follow(path, node.LinkTarget!, budget - followed);
                    followed += links;
                    break;
                default:
                    found = LinkResolution.Dangling(path);
                    break;
            }

            if (found.IsLoop)
            {
                return (found, followed);
            }

            if (found.Kind == LinkResolutionKind.Found && found.IsDirectory)
            {
                current = found.Path;
                continue;
            }

            var rest = parts.AsSpan(i + 1);
            if (found.Kind == LinkResolutionKind.Found && rest.IsEmpty)
            {
                return (found, followed);
            }

            // Below a file the kernel answers ENOTDIR (even for "file/"); "/." keeps that answer.
            var stem = found.Kind == LinkResolutionKind.Found ? found.Path + "/." : found.Path;
            return (LinkResolution.Dangling(Append(stem, rest)), followed);
        }

        return (LinkResolution.Found(current, isDirectory: true), followed);
    }

    /// <summary>The rest of a target below a name that does not exist: without <c>.</c> and <c>..</c>, it cannot exist either.</summary>
    private static string Append(string stem, ReadOnlySpan<string> rest)
    {
        var path = stem;
        foreach (var part in rest)
        {
            if (part.Length > 0 && part != "." && part != "..")
            {
                path = RootRelativePath.Join(path, part);
            }
        }

        return path;
    }

    private void Count()
    {
        if (++Lookups > maxLookups)
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"resolving the image's symbolic links needs more than {maxLookups} path lookups (limit MaxSymbolicLinkLookups)");
        }
    }
}

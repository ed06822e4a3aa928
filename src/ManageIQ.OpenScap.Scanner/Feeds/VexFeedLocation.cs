using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Vex;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// Where a CSAF VEX feed is and what versions it, as the scanner fetches it and discovery's fingerprint prediction
/// reads it: a local directory (after the mirrors) is versioned by its listing, anything else by the file a base
/// location names (Red Hat's <c>archive_latest.txt</c> pointer).
/// </summary>
public static class VexFeedLocation
{
    /// <summary>The local directory <paramref name="location"/> is after the mirrors, or null for a file or URL.</summary>
    public static string? LocalDirectory(string location, IEnumerable<CveFeedMirror> mirrors)
    {
        var mirrored = CveFeedMirror.Apply(mirrors, location);
        return !CveFeedLocation.IsUrl(mirrored) && Directory.Exists(mirrored) ? mirrored : null;
    }

    /// <summary>The file whose version stands for a feed that is no directory: a base gets Red Hat's pointer name.</summary>
    public static string Versioned(string location) => CveFeedLocation.FromBase(location, DefaultDistributionContent.RedHatVex)!;

    /// <summary>The version of a directory feed (<see cref="VexDirectoryVersion"/>).</summary>
    public static string DirectoryVersion(string directory) => VexDirectoryVersion.Of(directory);
}

using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The parts of a report the scanner's own types give.</summary>
internal static class ScanReports
{
    public static ImageIdentity Identity(AcquiredImage image) => new()
    {
        Reference = image.Source.ToString(),
        ImageId = image.ImageId,
        ManifestDigest = image.ManifestDigest,
        IndexDigest = image.IndexDigest,
        RepoDigests = image.RepoDigests,
        Os = image.Platform.Os,
        Architecture = image.Platform.Architecture,
    };

    public static ContentFingerprint Fingerprint(ScapContentSelection content, PreparedEvaluation? prepared) => new()
    {
        DataStream = content.DataStreamPath is null ? ScapContentSelection.NoDataStream : Path.GetFileName(content.DataStreamPath),
        Profile = content.Profile,
        Tailoring = prepared?.TailoringFile is null ? null : prepared.Profile,
        TailoringContent = prepared?.TailoringContent,
        CveFeed = prepared?.Feed?.Location,
        CveFeedMode = prepared?.Feed?.Mode,
        CveFeedVersion = prepared?.Feed?.Version,
        CveFeedDate = prepared?.Feed?.LastModified,
        CveFeedSlim = prepared?.Feed is { } feed ? ContentFingerprint.SlimValue(feed.Slim) : null,
    };
}

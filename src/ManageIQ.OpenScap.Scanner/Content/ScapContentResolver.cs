using ManageIQ.OpenScap.Images;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Looks the distribution up by ID, then by each ID_LIKE, and finds the data stream on disk.</summary>
internal sealed class ScapContentResolver(IOptions<ScapContentOptions> options) : IScapContentResolver
{
    public ScapContentResolution Resolve(OsRelease? osRelease, ScapContentOverride contentOverride)
    {
        ArgumentNullException.ThrowIfNull(contentOverride);
        var id = osRelease?.Id ?? "unknown";
        var version = osRelease?.VersionId;
        var name = version is null ? id : id + " " + version;
        if (contentOverride.DataStream is not null)
        {
            var path = Find([contentOverride.DataStream]);
            return path is null
                ? ScapContentResolution.None($"no SCAP content for {name}: the data stream {contentOverride.DataStream} was not found")
                : ScapContentResolution.Found(new ScapContentSelection
                {
                    DistributionId = id,
                    DistributionVersion = version,
                    DataStreamPath = path,
                    Profile = contentOverride.Profile ?? Match(osRelease)?.Entry.Profile ?? "standard",
                    CveFeed = contentOverride.CveFeed,
                    CveFeedFormat = contentOverride.CveFeed is null ? CveFeedFormat.Oval : Match(osRelease)?.Entry.CveFeedFormat ?? CveFeedFormat.Oval,
                    TailoringFile = contentOverride.TailoringFile,
                    MatchedBy = "override",
                });
        }

        if (osRelease is null)
        {
            return ScapContentResolution.None("no SCAP content for an image without os-release (etc/os-release or usr/lib/os-release)");
        }

        var match = Match(osRelease);
        if (match is null)
        {
            return ScapContentResolution.None($"no SCAP content for {name}");
        }

        var dataStream = Find(match.Value.Entry.DataStreams);
        var cveFeed = contentOverride.CveFeed ?? match.Value.Entry.CveFeed;
        var format = match.Value.Entry.CveFeedFormat;
        if (dataStream is null && cveFeed is not null && (format == CveFeedFormat.CsafVex || CveFeedLocation.FromBase(cveFeed, null) is not null))
        {
            // No data stream for this distribution: its CVE feed alone is still a scan of its packages.
            return ScapContentResolution.Found(new ScapContentSelection
            {
                DistributionId = id,
                DistributionVersion = version,
                DataStreamPath = null,
                Profile = ScapContentSelection.NoDataStream,
                CveFeed = cveFeed,
                CveFeedFormat = format,
                MatchedBy = match.Value.By,
            });
        }

        if (dataStream is null)
        {
            return ScapContentResolution.None(
                match.Value.Entry.DataStreams.Count == 0
                    ? $"no SCAP content for {name}: no data stream is mapped and the CVE feed {cveFeed} names no file"
                    : $"no SCAP content for {name}: none of {string.Join(", ", match.Value.Entry.DataStreams)} is installed in {string.Join(", ", options.Value.EffectiveSearchDirectories)}" + (cveFeed is null ? ", and it has no CVE feed" : string.Empty));
        }

        return ScapContentResolution.Found(new ScapContentSelection
        {
            DistributionId = id,
            DistributionVersion = version,
            DataStreamPath = dataStream,
            Profile = contentOverride.Profile ?? match.Value.Entry.Profile,
            CveFeed = cveFeed,
            CveFeedFormat = format,
            TailoringFile = contentOverride.TailoringFile,
            MatchedBy = match.Value.By,
        });
    }

    private (DistributionContent Entry, string By)? Match(OsRelease? osRelease)
    {
        if (osRelease is null)
        {
            return null;
        }

        var entries = options.Value.EffectiveDistributions;
        foreach (var (candidate, by) in new[] { (osRelease.Id, "ID") }.Concat(osRelease.IdLike.Select(l => (l, "ID_LIKE " + l))))
        {
            var entry = entries.FirstOrDefault(e => string.Equals(e.Id, candidate, StringComparison.OrdinalIgnoreCase) && VersionMatches(e, osRelease.VersionId));
            if (entry is not null)
            {
                return (entry, by);
            }
        }

        return null;
    }

    internal static bool VersionMatches(DistributionContent entry, string? versionId) =>
        entry.Versions.Count == 0
        || (versionId is not null && entry.Versions.Any(v =>
            string.Equals(v, versionId, StringComparison.OrdinalIgnoreCase)
            || versionId.StartsWith(v + ".", StringComparison.OrdinalIgnoreCase)));

    private string? Find(IEnumerable<string> dataStreams)
    {
        foreach (var dataStream in dataStreams)
        {
            if (Path.IsPathFullyQualified(dataStream))
            {
                if (File.Exists(dataStream))
                {
                    return dataStream;
                }

                continue;
            }

            foreach (var directory in options.Value.EffectiveSearchDirectories)
            {
                var path = Path.Combine(directory, dataStream);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

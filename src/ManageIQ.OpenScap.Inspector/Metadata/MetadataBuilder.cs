using System.Globalization;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>Builds the metadata document from what a scan has reported so far.</summary>
public static class MetadataBuilder
{
    /// <param name="image">The image as given.</param>
    /// <param name="progress">The latest progress report, if any.</param>
    /// <param name="progressTime">When it arrived.</param>
    /// <param name="result">The result once the scan has finished.</param>
    /// <param name="fatalError">An unexpected failure of the scan itself.</param>
    /// <param name="now">The current time, for a content time stamp when nothing better is known.</param>
    public static InspectorMetadata Build(string image, ScanProgress? progress, DateTimeOffset progressTime, ImageScanResult? result, string? fatalError, DateTimeOffset now)
    {
        var progressMetadata = progress is null ? null : new ProgressMetadata
        {
            Stage = progress.Stage.ToString(),
            Message = progress.Message,
            LayerIndex = progress.Acquisition?.LayerIndex,
            LayerCount = progress.Acquisition?.LayerCount,
            BytesDone = progress.Acquisition?.BytesDone,
            BytesTotal = progress.Acquisition?.BytesTotal,
            Updated = progressTime,
        };
        if (result is null)
        {
            return new InspectorMetadata
            {
                Image = image,
                OpenSCAP = fatalError is null
                    ? new OpenScapMetadata { Status = OpenScapStatus.Running, ContentTimeStamp = Rfc850(now) }
                    : new OpenScapMetadata { Status = OpenScapStatus.Error, ErrorMessage = fatalError, ContentTimeStamp = Rfc850(now) },
                Progress = progressMetadata,
            };
        }

        var acquired = result.Image;
        return new InspectorMetadata
        {
            Image = image,
            // image-inspector: an acquisition failure sets ImageAcquireError and leaves OpenSCAP NotRequested.
            ImageAcquireError = result.Outcome == ScanOutcome.ImageAcquireFailed ? result.ErrorMessage ?? "image acquisition failed" : string.Empty,
            Id = acquired?.ImageId ?? string.Empty,
            RepoDigests = acquired?.RepoDigests ?? [],
            Architecture = acquired?.Platform.Architecture,
            Os = acquired?.Platform.Os,
            OpenSCAP = new OpenScapMetadata
            {
                Status = result.Outcome switch
                {
                    ScanOutcome.Completed => OpenScapStatus.Success,
                    ScanOutcome.ImageAcquireFailed => OpenScapStatus.NotRequested,
                    _ => OpenScapStatus.Error,
                },
                ErrorMessage = result.Outcome is ScanOutcome.NoContent or ScanOutcome.ScanFailed ? result.ErrorMessage ?? string.Empty : string.Empty,
                ContentTimeStamp = Rfc850(ContentTime(result) ?? now),
            },
            Distribution = acquired?.OsRelease is { } os ? new DistributionMetadata(os.Id, os.VersionId, os.IdLike, os.PrettyName) : null,
            Content = result.Content is { } content ? new ContentMetadata
            {
                DataStream = content.DataStreamPath,
                Profile = content.Profile,
                EvaluatedProfile = result.EvaluatedProfile,
                MatchedBy = content.MatchedBy,
                OscapVersion = result.OscapVersion,
                OscapExitCode = result.OscapExitCode,
                CveFeed = result.CveFeed?.Location,
                CveFeedMode = result.CveFeed?.Mode,
                CveFeedFromCache = result.CveFeed?.FromCache,
                CveFeedStale = result.CveFeed?.Stale,
            }
            : null,
            Progress = progressMetadata,
            Notes = result.Notes,
            Timings = Seconds(result.Timings),
        };
    }

    /// <summary>Go's <c>time.RFC850</c>: <c>Monday, 02-Jan-06 15:04:05 UTC</c>.</summary>
    public static string Rfc850(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("dddd, dd-MMM-yy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static DateTimeOffset? ContentTime(ImageScanResult result)
    {
        if (result.CveFeed?.LastModified is { } feedTime)
        {
            return feedTime;
        }

        return result.Content is { } content && File.Exists(content.DataStreamPath) ? new DateTimeOffset(File.GetLastWriteTimeUtc(content.DataStreamPath)) : null;
    }

    private static TimingsMetadata Seconds(ScanTimings t) =>
        new(R(t.Resolve), R(t.Pull), R(t.Unpack), R(t.Acquire), R(t.Content), R(t.Oscap), R(t.Report), R(t.Summary), R(t.Ready), R(t.Total));

    private static double R(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}

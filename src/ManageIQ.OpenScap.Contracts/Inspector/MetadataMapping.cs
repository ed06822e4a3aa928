using System.Globalization;
using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>Report to metadata (the inspector) and metadata to report (the scanning pod's caller): one mapping, both ways.</summary>
public static class MetadataMapping
{
    /// <param name="image">The image as given.</param>
    /// <param name="progress">The latest progress event, if any.</param>
    /// <param name="progressTime">When it arrived.</param>
    /// <param name="report">The report once the scan has finished.</param>
    /// <param name="fatalError">An unexpected failure of the scan itself.</param>
    /// <param name="now">The current time, for the content time stamp when the feed has no date.</param>
    public static InspectorMetadata ToMetadata(string image, ScanProgress? progress, DateTimeOffset progressTime, ScanReport? report, string? fatalError, DateTimeOffset now)
    {
        var progressMetadata = progress is null ? null : ProgressMetadata.From(progress, progressTime);
        if (report is null)
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

        var acquireFailed = report.ErrorKind == ScanErrorKind.ImageAcquireFailed;
        return new InspectorMetadata
        {
            Image = image,
            // image-inspector: an acquisition failure sets ImageAcquireError and leaves OpenSCAP NotRequested.
            ImageAcquireError = acquireFailed ? report.ErrorMessage ?? "image acquisition failed" : string.Empty,
            Id = report.Image?.ImageId ?? string.Empty,
            RepoDigests = report.Image?.RepoDigests ?? [],
            Architecture = report.Image?.Architecture,
            Os = report.Image?.Os,
            OpenSCAP = new OpenScapMetadata
            {
                Status = report.Outcome == ScanOutcome.Completed ? OpenScapStatus.Success : acquireFailed ? OpenScapStatus.NotRequested : OpenScapStatus.Error,
                ErrorMessage = report.Outcome == ScanOutcome.Completed || acquireFailed ? string.Empty : report.ErrorMessage ?? string.Empty,
                ContentTimeStamp = Rfc850(report.Content?.CveFeedDate ?? now),
            },
            Progress = progressMetadata,
            Report = report with { Summary = null },
        };
    }

    /// <summary>
    /// The report of a finished scan as the inspector described it. A document without a report (an older inspector,
    /// or one that failed unexpectedly) gives a report from image-inspector's fields alone.
    /// </summary>
    public static ScanReport ToReport(InspectorMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Report is { } report)
        {
            return report;
        }

        if (!string.IsNullOrEmpty(metadata.ImageAcquireError))
        {
            return ScanReport.Failure(ScanErrorKind.ImageAcquireFailed, metadata.ImageAcquireError);
        }

        var image = string.IsNullOrEmpty(metadata.Id) ? null : new ImageIdentity
        {
            Reference = metadata.Image,
            ImageId = metadata.Id,
            RepoDigests = metadata.RepoDigests,
            Os = metadata.Os,
            Architecture = metadata.Architecture,
        };
        return metadata.OpenSCAP.Status switch
        {
            OpenScapStatus.Success => new ScanReport { Outcome = ScanOutcome.Completed, Image = image },
            OpenScapStatus.Error => ScanReport.Failure(ScanErrorKind.OpenScapFailed, metadata.OpenSCAP.ErrorMessage) with { Image = image },
            _ => ScanReport.Failure(ScanErrorKind.ScannerError, $"The inspector's metadata has OpenSCAP status '{metadata.OpenSCAP.Status}' and no report."),
        };
    }

    /// <summary>Go's <c>time.RFC850</c>: <c>Monday, 02-Jan-06 15:04:05 UTC</c>.</summary>
    public static string Rfc850(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("dddd, dd-MMM-yy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}

using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Analysis.Logging;

/// <summary>The analysis's log messages (event ids 1100-1149).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Container image {ImageId} not analysed ({Status}): {Reason}")]
    public static partial void LookupFailed(ILogger logger, long imageId, AnalysisStatus status, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Scanning container image {ImageId} {Reference} of provider {ProviderId} on the {Backend} backend")]
    public static partial void Scanning(ILogger logger, long imageId, string reference, string? providerId, string backend);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Scanned container image {ImageId}: {Failed} failed rule results, {Cves} vulnerable CVEs, {Seconds:0.0} s")]
    public static partial void Scanned(ILogger logger, long imageId, int failed, int cves, double seconds);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Scan of container image {ImageId} failed ({Kind}): {Reason}")]
    public static partial void ScanFailed(ILogger logger, long imageId, ScanErrorKind kind, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Recorded result {Seq} of container image {ImageId} ({Status}): {Disposition}")]
    public static partial void Recorded(ILogger logger, long seq, long imageId, string status, RecordDisposition disposition);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Results directory {Directory}: deleted {ForAge} scan directories past their age and {ForSize} for size, {Freed} bytes freed, {Kept} bytes kept")]
    public static partial void ResultsPruned(ILogger logger, string directory, int forAge, int forSize, long freed, long kept);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Results directory {Directory} holds more than {Max} files; this pass looked at the first ones only")]
    public static partial void ResultsTooMany(ILogger logger, string directory, int max);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Scan directory {Path} not deleted: {Reason}")]
    public static partial void ResultsNotDeleted(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "Results directory {Directory} not pruned: {Reason}")]
    public static partial void RetentionFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Container image {ImageId} judged again from scan {ScanId} without a rescan ({Previous} -> {Status}): result {Seq} posted as {Delivery}")]
    public static partial void Rejudged(ILogger logger, long imageId, string scanId, string previous, string status, long seq, ManageIQ.OpenScap.State.Outbox.DeliveryStatus delivery);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Container image {ImageId} not judged again: {Reason}")]
    public static partial void RejudgeSkipped(ILogger logger, long imageId, string reason);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Information, Message = "Stored results judged again after a waiver change: {Checked} checked, {Changed} changed and posted, {Skipped} skipped")]
    public static partial void RejudgeFinished(ILogger logger, int @checked, int changed, int skipped);
}

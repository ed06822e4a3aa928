using ManageIQ.OpenScap.Images;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Scanner;

/// <summary>The scanner's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "oscap {ProcessId} started: oscap {Arguments}")]
    public static partial void OscapStarted(ILogger logger, int processId, string arguments);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "oscap {ProcessId} exited with {ExitCode} after {Seconds:F1} s")]
    public static partial void OscapExited(ILogger logger, int processId, int exitCode, double seconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "oscap {ProcessId} could not be killed: {Reason}")]
    public static partial void OscapKillFailed(ILogger logger, int processId, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "oscap {Version} detected; APT_CONFIG work-around needed: {NeedsWorkaround}")]
    public static partial void OscapVersionDetected(ILogger logger, Version version, bool needsWorkaround);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "{Root}/run is a link or a file: the container marker was not placed")]
    public static partial void ContainerMarkerSkipped(ILogger logger, string root);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "CVE feed {Url} not modified; cached copy used")]
    public static partial void CveFeedNotModified(ILogger logger, string url);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "CVE feed {Url} downloaded: {Bytes} bytes")]
    public static partial void CveFeedDownloaded(ILogger logger, string url, long bytes);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "CVE feed {Url} could not be refreshed ({Reason}); using the copy fetched at {FetchedAt}")]
    public static partial void CveFeedStale(ILogger logger, string url, string reason, DateTimeOffset fetchedAt);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "CVE feed unavailable, scanning without it: {Reason}")]
    public static partial void CveFeedUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "Image {Image} could not be acquired: {Reason}")]
    public static partial void ImageAcquireFailed(ILogger logger, string image, string reason);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Image {Image} acquired: id {ImageId}, {LayerCount} layers, {Distribution}")]
    public static partial void ImageAcquired(ILogger logger, string image, string imageId, int layerCount, OsRelease? distribution);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Image {Image}: {Reason}")]
    public static partial void NoContent(ILogger logger, string image, string reason);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Error, Message = "Image {Image}: the scan's files could not be written: {Reason}")]
    public static partial void ScanStorageFailed(ILogger logger, string image, string reason);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Error, Message = "Image {Image}: OpenSCAP failed: {Reason}")]
    public static partial void OscapFailed(ILogger logger, string image, string reason);

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "CVE feed {Feed} slimmed to the image's packages: {Kept} of {Total} definitions kept in {Milliseconds} ms")]
    public static partial void CveFeedSlimmed(ILogger logger, string feed, int kept, int total, long milliseconds);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "CVE feed {Feed} could not be slimmed; the whole feed is evaluated: {Reason}")]
    public static partial void CveFeedSlimFailed(ILogger logger, string feed, string reason);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "CVE feed {Feed} not slimmed: the package database {Source} cannot be listed yet")]
    public static partial void CveFeedNotSlimmed(ILogger logger, string feed, string source);

    [LoggerMessage(EventId = 4310, Level = LogLevel.Warning, Message = "Root {Root}: the package inventory could not be read: {Reason}")]
    public static partial void InventoryFailed(ILogger logger, string root, string reason);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Error, Message = "The {Probe} probe missed {Count} installed packages of {Source}: the scan is an error")]
    public static partial void InventoryDisagrees(ILogger logger, string source, string probe, int count);

    [LoggerMessage(EventId = 4460, Level = LogLevel.Information, Message = "CSAF VEX feed {Feed}: {Documents} documents converted into {Definitions} OVAL definitions for the image (index from cache: {FromCache})")]
    public static partial void VexFeedConverted(ILogger logger, string feed, int documents, int definitions, bool fromCache);

    [LoggerMessage(EventId = 4461, Level = LogLevel.Information, Message = "CSAF VEX archive {Previous} was replaced by {Current}: its cached copy is deleted")]
    public static partial void VexArchiveForgotten(ILogger logger, string previous, string current);
}

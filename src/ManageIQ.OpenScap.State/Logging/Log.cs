using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.State.Logging;

/// <summary>The state store's and outbox's log messages (event ids 7000-7049; the file lock 7040-7049).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "State database {Path} open at schema version {Version}")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "State database {Path} migrated from schema version {From} to {To}: {Description}")]
    public static partial void Migrated(ILogger logger, string path, int from, int to, string description);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Failpoints enabled for testing: {Names}; signals in {Directory}")]
    public static partial void FailpointsEnabled(ILogger logger, string names, string? directory);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Recorded result {Seq} of image {ImageId} (scan {ScanId}): {Disposition}, replacing waiting result {SupersededSeq}")]
    public static partial void Recorded(ILogger logger, long seq, long imageId, string scanId, RecordDisposition disposition, long? supersededSeq);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Posted result {Seq} of image {ImageId}: {Upserted} attributes written, {Deleted} stale ones deleted, {Requests} requests")]
    public static partial void Delivered(ILogger logger, long seq, long imageId, int upserted, int deleted, int requests);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Result {Seq} of image {ImageId} not posted, ManageIQ unreachable (attempt {Attempt}): {Reason}; kept in the outbox until {NextAttemptOn}")]
    public static partial void Unreachable(ILogger logger, long seq, long imageId, int attempt, string reason, DateTimeOffset nextAttemptOn);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Error, Message = "Result {Seq} of image {ImageId} refused by ManageIQ (attempt {Attempt}): {Reason}; kept in the outbox until {NextAttemptOn}")]
    public static partial void Rejected(ILogger logger, long seq, long imageId, int attempt, string reason, DateTimeOffset nextAttemptOn);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "Image {ImageId} is not in ManageIQ any more; its result {Seq} leaves the outbox unposted: {Reason}")]
    public static partial void Abandoned(ILogger logger, long imageId, long seq, string reason);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Warning, Message = "Image {ImageId}: attribute {Name} is held in section {Section}, which ManageIQ's refresh owns; it was neither written nor deleted")]
    public static partial void SectionCollision(ILogger logger, long imageId, string name, string section);

    [LoggerMessage(EventId = 7015, Level = LogLevel.Information, Message = "Outbox pass stopped with ManageIQ unreachable: {Delivered} posted, {Left} of the due results wait for the next pass")]
    public static partial void PassStopped(ILogger logger, int delivered, int left);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Debug, Message = "Result {Seq} of image {ImageId} was posted while newer result {NewerSeq} arrived; the newer one waits")]
    public static partial void NewerWaiting(ILogger logger, long seq, long imageId, long? newerSeq);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "History compacted: {Results} results and {Scans} finished scans deleted, {Pages} free pages returned, in {ElapsedMs} ms")]
    public static partial void Compacted(ILogger logger, int results, int scans, long pages, long elapsedMs);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Error, Message = "History compaction failed; the next one runs in {Interval}: {Reason}")]
    public static partial void CompactionFailed(ILogger logger, TimeSpan interval, string reason);

    [LoggerMessage(EventId = 7030, Level = LogLevel.Information, Message = "Queued again {Requeued} scans cut off by a stop; {Dropped} were already queued again")]
    public static partial void Requeued(ILogger logger, int requeued, int dropped);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Information, Message = "Dropped queued scan {ScanId} of image {ImageId}: {Reason}")]
    public static partial void DroppedScan(ILogger logger, long scanId, long imageId, string reason);

    [LoggerMessage(EventId = 7040, Level = LogLevel.Information, Message = "{Path} is locked by {Holder}; {Identity} waits for it")]
    public static partial void LockWaiting(ILogger logger, string path, string holder, string identity);

    [LoggerMessage(EventId = 7041, Level = LogLevel.Information, Message = "{Identity} locked {Path}: this process is the active bridge")]
    public static partial void LockAcquired(ILogger logger, string path, string identity);

    [LoggerMessage(EventId = 7042, Level = LogLevel.Error, Message = "{Identity} lost {Path}: {Reason}; its active work stops now")]
    public static partial void LockLost(ILogger logger, string path, string identity, string reason);

    [LoggerMessage(EventId = 7043, Level = LogLevel.Information, Message = "{Identity} released {Path}; a waiting process takes it on its next try")]
    public static partial void LockReleased(ILogger logger, string path, string identity);

    [LoggerMessage(EventId = 7044, Message = "Could not try the lock {Path} (failure {Failures} in a row); trying again every {RetryPeriod}")]
    public static partial void LockTryFailed(ILogger logger, LogLevel level, string path, int failures, TimeSpan retryPeriod, Exception exception);

    [LoggerMessage(EventId = 7046, Level = LogLevel.Warning, Message = "Could not clear {Path} on release; the lock itself ends with the handle")]
    public static partial void LockReleaseFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 7047, Level = LogLevel.Information, Message = "Single-active guard: {Path} as {Identity} (Bridge:Leadership:Mode {Mode}; retry period {RetryPeriod})")]
    public static partial void FileGuardConfigured(ILogger logger, string path, string identity, ManageIQ.OpenScap.Contracts.Leadership.LeadershipMode mode, TimeSpan retryPeriod);
}

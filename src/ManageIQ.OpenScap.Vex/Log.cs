using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Vex;

/// <summary>The VEX conversion's log messages (event ids 4450-4479).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4450, Level = LogLevel.Information, Message = "VEX feed {Feed} ({Digest}) read: {Documents} documents, {Statements} RPM statements, in {ElapsedMs} ms")]
    public static partial void FeedIndexed(ILogger logger, string feed, string digest, int documents, int statements, long elapsedMs);

    [LoggerMessage(EventId = 4451, Level = LogLevel.Debug, Message = "VEX feed {Feed} ({Digest}): index read from the cache")]
    public static partial void IndexFromCache(ILogger logger, string feed, string digest);

    [LoggerMessage(EventId = 4452, Level = LogLevel.Information, Message = "VEX to OVAL for RHEL {Major}: {Definitions} definitions over {Packages} packages, from {Statements} statements")]
    public static partial void OvalWritten(ILogger logger, string major, int definitions, int packages, int statements);

    [LoggerMessage(EventId = 4453, Level = LogLevel.Warning, Message = "The cached VEX index {Path} could not be read and is parsed again: {Reason}")]
    public static partial void CachedIndexUnreadable(ILogger logger, string path, string reason);
}

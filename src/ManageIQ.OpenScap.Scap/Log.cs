using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Source-generated log messages of the SCAP results area.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Summarised {Source}: {Kind}, {RuleResults} rule-results, {Failed} failed, {Bytes} bytes in {Elapsed}")]
    public static partial void Summarized(ILogger logger, string source, ScapResultKind kind, int ruleResults, int failed, long bytes, TimeSpan elapsed);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Rejected {Source}: {Reason}")]
    public static partial void Rejected(ILogger logger, string source, string reason);
}

using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Inspector;

/// <summary>The inspector's log messages (event ids 4200-4299; the Images library has 4100-4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Scan of {Image} finished: {Outcome} {Error}")]
    public static partial void ScanFinished(ILogger logger, string image, ScanOutcome outcome, string error);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Scan of {Image} failed unexpectedly")]
    public static partial void ScanCrashed(ILogger logger, Exception exception, string image);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "No auth token configured: every client may read the results")]
    public static partial void NoAuthToken(ILogger logger);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Request to {Path} refused: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "HTML report of {Image} failed; the other results stay served")]
    public static partial void HtmlReportFailed(ILogger logger, Exception exception, string image);
}

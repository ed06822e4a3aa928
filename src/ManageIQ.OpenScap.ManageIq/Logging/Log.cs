using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.ManageIq.Logging;

/// <summary>The client's log messages. None carries a credential: paths, statuses and timings only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Trace, Message = "Sending {Method} /{Path}{Query}")]
    public static partial void Sending(ILogger logger, string method, string path, string query);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Method} {Path} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, string reason, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Requesting an API token from {BaseUrl}")]
    public static partial void Authenticating(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Obtained an API token valid for {TtlSeconds} s, until {ExpiresOn}")]
    public static partial void TokenObtained(ILogger logger, int ttlSeconds, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{Method} {Path} answered 401; authenticating again and retrying once")]
    public static partial void Reauthenticating(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "TLS certificate verification is DISABLED for {BaseUrl} (ManageIq:SkipTlsVerification); anyone on the path can read the credentials")]
    public static partial void TlsVerificationDisabled(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Renewing the API token before it expires at {ExpiresOn}")]
    public static partial void RenewingToken(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "TLS certificate of {Host} rejected: {Errors}")]
    public static partial void CertificateRejected(ILogger logger, string host, string errors);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "ManageIq:BaseUrl {BaseUrl} is plain HTTP ({Verdict}): the credentials and the API token cross the network in clear text")]
    public static partial void PlainHttp(ILogger logger, string baseUrl, string verdict);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Probing ManageIQ at {Appliance}: API version and the product features for {Capabilities}")]
    public static partial void Probing(ILogger logger, string appliance, string capabilities);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "{Verdict}")]
    public static partial void ProbeReady(ILogger logger, string verdict);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Error, Message = "ManageIQ probe failed ({Outcome}): {Verdict}")]
    public static partial void ProbeRefused(ILogger logger, Probing.ManageIqProbeOutcome outcome, string verdict);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Warning, Message = "{Verdict} The bridge starts without them; what needs them fails and is logged when it runs.")]
    public static partial void ReportedFeaturesMissing(ILogger logger, string verdict);
}

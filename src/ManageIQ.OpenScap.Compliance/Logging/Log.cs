using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Compliance.Logging;

/// <summary>The compliance lines: 9500-9549 waivers and verdicts, 9550-9599 enforcement.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Information, Message = "Waiver file {File} loaded: {Count} waivers")]
    public static partial void WaiversLoaded(ILogger logger, string file, int count);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Waiver file {File} changed and was reloaded: {Count} waivers; stored results are judged again")]
    public static partial void WaiversReloaded(ILogger logger, string file, int count);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Error, Message = "{Reason} The change is refused; the previous waivers stay in force")]
    public static partial void WaiverFileRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "Waiver of {Id} (owner {Owner}, line {Line}) expired after {Expires}: its findings count again")]
    public static partial void WaiverExpired(ILogger logger, string id, string owner, string expires, int line);

    [LoggerMessage(EventId = 9550, Level = LogLevel.Information, Message = "Image {Digest} of provider {ProviderId} not annotated: the provider has no cluster connection")]
    public static partial void EnforcementNoCluster(ILogger logger, string digest, string? providerId);
}

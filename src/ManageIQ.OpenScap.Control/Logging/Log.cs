using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Control.Logging;

/// <summary>The Control registration's log messages (event ids 9000-9049).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "{Kind} {ObjectKind} '{Name}' (id {Id})")]
    public static partial void Changed(ILogger logger, Registration.OutcomeKind kind, string objectKind, string name, long? id);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Conflict on {ObjectKind} '{Name}': {Message}")]
    public static partial void Conflict(ILogger logger, string objectKind, string name, string? message);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Could not register {ObjectKind} '{Name}': {Message}")]
    public static partial void Failed(ILogger logger, string objectKind, string name, string? message);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Control registration at start is off (Bridge:Policies:RegisterOnStart)")]
    public static partial void StartupRegistrationOff(ILogger logger);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Control profiles registered: {Writes} write(s), {Conflicts} conflict(s), {Failures} failure(s)")]
    public static partial void StartupRegistered(ILogger logger, int writes, int conflicts, int failures);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Error, Message = "Control registration at start failed; scanning goes on without it")]
    public static partial void StartupRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Deleted {Count} openscap_ attribute(s) of container image {ImageId}")]
    public static partial void Purged(ILogger logger, int count, long imageId);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Information, Message = "Widget '{Description}' is not in ManageIQ: {Message}")]
    public static partial void WidgetNotImported(ILogger logger, string description, string? message);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Warning, Message = "The policy files can't be read ({Reason}); only profiles with the bridge's ownership mark count as the bridge's")]
    public static partial void PolicyGuidsUnreadable(ILogger logger, string reason);
}

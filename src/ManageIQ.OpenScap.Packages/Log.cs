using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Packages;

/// <summary>The package inventory's log messages (event ids 4300-4309; the scanner's inventory checks use 4310-4319).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Package inventory of {Root}: {Count} {Kind} packages from {Source}")]
    public static partial void InventoryRead(ILogger logger, string root, int count, PackageDatabaseKind kind, string source);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Distroless root {Root}: wrote a combined var/lib/dpkg/status of {Count} packages from status.d")]
    public static partial void CombinedStatusWritten(ILogger logger, string root, int count);
}

namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:FullScan</c>: when every image of a provider is queued, and how old a result may get.</summary>
public sealed class FullScanOptions
{
    /// <summary>A Quartz cron expression (seconds first); daily at 02:00 by default.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>The time zone <see cref="Cron"/> is read in: an IANA or Windows id.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A result older than this is rescanned even when digest and fingerprint are unchanged.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);
}

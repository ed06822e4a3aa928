namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>
/// What <c>bridge serve</c> keeps analysed and how (section <c>Bridge</c>, beside the analysis and store keys):
/// discovery, the nightly full scan, limits, providers, exclusions, start-up, shutdown and back-pressure.
/// </summary>
public sealed class ServiceOptions
{
    public const string SectionName = "Bridge";

    public DiscoveryOptions Discovery { get; set; } = new();

    public FullScanOptions FullScan { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public ProviderSelectionOptions Providers { get; set; } = new();

    /// <summary>By provider id: its backend, cron and limit instead of the defaults.</summary>
    public Dictionary<string, ProviderOverrideOptions> ProviderOverrides { get; set; } = new(StringComparer.Ordinal);

    public ExclusionOptions Exclusions { get; set; } = new();

    public ShutdownOptions Shutdown { get; set; } = new();

    public StartupOptions Startup { get; set; } = new();

    public BackPressureOptions BackPressure { get; set; } = new();
}

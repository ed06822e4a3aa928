using System.Globalization;
using ManageIQ.OpenScap.Contracts.Scanning;
using Microsoft.Extensions.Options;
using Quartz;

namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>Checks the service keys at start; every error names its key.</summary>
public sealed class ServiceOptionsValidator : IValidateOptions<ServiceOptions>
{
    private const string Prefix = ServiceOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Positive(errors, "Discovery:Interval", options.Discovery.Interval);
        Cron(errors, "FullScan:Cron", options.FullScan.Cron);
        if (!TryTimeZone(options.FullScan.TimeZone, out _))
        {
            errors.Add($"{Prefix}FullScan:TimeZone is '{options.FullScan.TimeZone}', which is no time zone id known here (e.g. UTC, Europe/Paris).");
        }

        Positive(errors, "FullScan:MaxAge", options.FullScan.MaxAge);
        AtLeastOne(errors, "Limits:PerProvider", options.Limits.PerProvider);
        AtLeastOne(errors, "Limits:Global", options.Limits.Global);
        if (!Enum.IsDefined(options.Providers.Mode))
        {
            errors.Add($"{Prefix}Providers:Mode must be all, list or assigned.");
        }
        else if (options.Providers.Mode == ProviderSelectionMode.List && options.Providers.Ids.Count == 0)
        {
            errors.Add($"{Prefix}Providers:Mode is list, so {Prefix}Providers:Ids must name at least one provider id.");
        }

        if (options.Providers.Ids.Any(id => id <= 0))
        {
            errors.Add($"{Prefix}Providers:Ids holds ids that are not positive: {string.Join(", ", options.Providers.Ids.Where(id => id <= 0))}.");
        }

        foreach (var (key, value) in options.ProviderOverrides)
        {
            var at = $"ProviderOverrides:{key}";
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                errors.Add($"{Prefix}{at} must be named by a provider's positive id.");
            }

            if (value.Backend is { } backend && !ScanBackendNames.All.Contains(backend, StringComparer.Ordinal))
            {
                errors.Add($"{Prefix}{at}:Backend is '{backend}'; use {string.Join(" or ", ScanBackendNames.All)}.");
            }

            if (value.Cron is { } cron)
            {
                Cron(errors, at + ":Cron", cron);
            }

            if (value.Limit is < 0)
            {
                errors.Add($"{Prefix}{at}:Limit must be 0 (paused) or more, not {value.Limit}.");
            }
        }

        foreach (var pattern in options.Exclusions.ImageNames.Where(p => string.IsNullOrWhiteSpace(p) || p.Length > 512))
        {
            errors.Add($"{Prefix}Exclusions:ImageNames holds an empty or over-long pattern: '{pattern}'.");
        }

        Positive(errors, "Shutdown:Grace", options.Shutdown.Grace);
        Positive(errors, "Startup:ProbeRetryDelay", options.Startup.ProbeRetryDelay);
        AtLeastOne(errors, "BackPressure:MaxWaiting", options.BackPressure.MaxWaiting);
        Positive(errors, "BackPressure:DeliveryInterval", options.BackPressure.DeliveryInterval);
        Positive(errors, "BackPressure:PollInterval", options.BackPressure.PollInterval);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The time zone of <c>Bridge:FullScan:TimeZone</c>.</summary>
    public static bool TryTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    private static void Cron(List<string> errors, string key, string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron) || !CronExpression.TryParse(cron, out _))
        {
            errors.Add($"{Prefix}{key} is '{cron}', which is no Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 2 * * ?\").");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key} must be a positive duration, not {value}.");
        }
    }

    private static void AtLeastOne(List<string> errors, string key, int value)
    {
        if (value < 1)
        {
            errors.Add($"{Prefix}{key} must be at least 1, not {value}.");
        }
    }
}

using System.Globalization;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Service.Discovery;

namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>The demo's sentences, the same in both displays.</summary>
public static class DemoText
{
    /// <summary>Attribute values longer than this are cut on the terminal (the report is tens of kilobytes of base64).</summary>
    public const int MaxShownValue = 160;

    public static string Discovery(DiscoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Providers} provider, {report.Images} images: {report.Queued} queued for a scan, {report.Skipped} unchanged since their last result (skipped)");
    }

    public static string AttributeValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (name == OpenScapAttributeNames.ReportHtml)
        {
            return string.Create(CultureInfo.InvariantCulture, $"({value.Length} characters: the compact HTML report, gzip + base64)");
        }

        var flat = value.Replace("\n", " | ", StringComparison.Ordinal);
        return flat.Length <= MaxShownValue ? flat : flat[..MaxShownValue] + string.Create(CultureInfo.InvariantCulture, $"… ({flat.Length} characters)");
    }

    public static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "-";

    /// <summary>The policy step's line: what was created, and the assignment; throws when the profile is not assigned (nothing would be scanned).</summary>
    public static string Policies(RegistrationReport report, long providerId, string providerName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var assignment = report.Outcomes.FirstOrDefault(o => o.ObjectKind == "assignment" && o.Kind is OutcomeKind.Assigned or OutcomeKind.Unchanged)
            ?? throw new InvalidOperationException("the bridge's profile was not assigned: " + string.Join("; ", report.Outcomes.Where(o => o.Kind is OutcomeKind.Failed or OutcomeKind.Conflict)));
        var created = report.Outcomes.Where(o => o.Kind == OutcomeKind.Created).GroupBy(o => o.ObjectKind).Select(g => $"{g.Count()} {(g.Count() == 1 ? g.Key : g.Key == "policy" ? "policies" : g.Key + "s")}");
        return string.Create(CultureInfo.InvariantCulture, $"created {string.Join(", ", created)}; profile '{assignment.Name.Split(" -> ")[0]}' (id {assignment.Id}) assigned to provider {providerId} \"{providerName}\": Bridge:Providers:Mode=assigned scans it");
    }

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");

    public static string Finished(DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = string.Create(CultureInfo.InvariantCulture, $"Finished in {Seconds(summary.Took)}: {summary.ScannedNow} of {summary.Rows.Count} images scanned by this run.");
        if (summary.FirstRunTook is { } first && summary.Took > TimeSpan.Zero)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" The first run took {Seconds(first)}: this one was {first / summary.Took:0.0} times faster, reusing its images, feed and store.");
        }
        else if (summary.ScannedNow > 0)
        {
            text += " Run it again: the images, the feed and the store are reused and the unchanged images are skipped.";
        }

        return text;
    }
}

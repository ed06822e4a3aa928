using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>
/// Applies what an operator set on ManageIQ's provider form to the scans of that provider: its <c>cve_url</c> and
/// proxies override the bridge's defaults; a feed given for the scan itself still wins. The legacy image fields
/// (<c>registry</c>, <c>repository</c>, <c>image_tag</c>) name ManageIQ's own image-inspector, which does not speak
/// this project's contract, so they are reported as ignored.
/// </summary>
public static class ProviderInspectorSettings
{
    public static ScanJob Apply(ScanJob job, ImageInspectorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (options is null)
        {
            return job;
        }

        var proxy = new ScanProxy(Set(options.HttpProxy), Set(options.HttpsProxy), Set(options.NoProxy));
        return job with
        {
            CveUrl = job.CveUrl ?? Set(options.CveUrl),
            Proxy = proxy.IsEmpty ? job.Proxy : proxy,
        };
    }

    /// <summary>The legacy image fields set on the form, by their ManageIQ names (for one log line).</summary>
    public static IReadOnlyList<string> IgnoredFields(ImageInspectorOptions? options) =>
        options is null
            ? []
            : [.. new[] { ("registry", options.Registry), ("repository", options.Repository), ("image_tag", options.ImageTag) }
                .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1)];

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

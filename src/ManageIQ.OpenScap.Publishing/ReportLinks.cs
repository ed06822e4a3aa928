using System.Globalization;

namespace ManageIQ.OpenScap.Publishing;

/// <summary>
/// Where the bridge serves an image's compact report, the page <c>openscap_report_url</c> points at. ManageIQ's UI
/// can't open the base64 <c>openscap_report_html</c>, so a person follows this link instead.
/// </summary>
public static class ReportLinks
{
    /// <summary>The route, relative to the bridge's public address; <c>{imageId}</c> is ManageIQ's image id.</summary>
    public const string ImageReportRoute = "reports/container_images/{imageId}";

    /// <summary>The report's address under <paramref name="publicUrl"/>, keeping any path prefix it has.</summary>
    public static Uri ImageReport(Uri publicUrl, long imageId)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageId);
        var root = publicUrl.AbsoluteUri.EndsWith('/') ? publicUrl : new Uri(publicUrl.AbsoluteUri + "/");
        return new Uri(root, ImageReportRoute.Replace("{imageId}", imageId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}

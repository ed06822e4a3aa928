using ManageIQ.OpenScap.Contracts.Hosting;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>The inspector's HTTP endpoints (image-inspector's, plus the summary).</summary>
public static class InspectorPaths
{
    public const string Health = HealthPaths.Liveness;

    /// <summary>200 once the scan has finished (either way), 503 before: the pod's readiness probe.</summary>
    public const string Ready = HealthPaths.Readiness;

    public const string ApiVersions = "/api";

    public const string Metadata = "/api/v1/metadata";

    /// <summary>The ARF.</summary>
    public const string Arf = "/api/v1/openscap";

    /// <summary>The HTML report.</summary>
    public const string HtmlReport = "/api/v1/openscap-report";

    /// <summary>The summary JSON (<c>ScapSummaryJson</c>), CVE results merged.</summary>
    public const string Summary = "/api/v1/summary";

    /// <summary>The path without its leading slash, as the Kubernetes pod proxy takes it.</summary>
    public static string Relative(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.TrimStart('/');
    }
}

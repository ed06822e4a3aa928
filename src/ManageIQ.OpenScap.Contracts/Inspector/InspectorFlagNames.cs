namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>
/// The inspector's flag names, image-inspector's where they mean the same. ManageIQ's job and the scanning pod
/// pass them; <c>bridge scan</c> accepts the same names.
/// </summary>
public static class InspectorFlagNames
{
    public const string Image = "--image";
    public const string ScanType = "--scan-type";
    public const string Serve = "--serve";
    public const string DockerConfig = "--dockercfg";
    public const string Username = "--username";
    public const string PasswordFile = "--password-file";
    public const string InsecureRegistry = "--insecure-registry";
    public const string RegistryCaFile = "--registry-ca-file";
    public const string Platform = "--platform";
    public const string PullPolicy = "--pull-policy";
    public const string WorkDirectory = "--work-dir";
    public const string ResultsDirectory = "--scan-results-dir";
    public const string HtmlReport = "--openscap-html-report";
    public const string HtmlReportMaxArfBytes = "--html-report-max-arf-bytes";
    public const string CveUrl = "--cve-url";
    public const string CveFeedPolicy = "--cve-feed-policy";
    public const string CveCacheDirectory = "--cve-cache-dir";
    public const string SsgDataStream = "--ssg-datastream";
    public const string SsgProfile = "--ssg-profile";

    /// <summary>An XCCDF tailoring file whose profiles <see cref="SsgProfile"/> may name.</summary>
    public const string TailoringFile = "--ssg-tailoring-file";
    public const string ScanTimeout = "--scan-timeout";
    public const string AuthTokenFile = "--auth-token-file";

    /// <summary>image-inspector's older name of <see cref="AuthTokenFile"/>.</summary>
    public const string WebdavTokenFile = "--webdav-token-file";

    public const string ConfigFile = "--config";
}

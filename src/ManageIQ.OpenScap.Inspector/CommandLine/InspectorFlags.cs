using System.CommandLine;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Feeds;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The flags: image-inspector's where they mean the same, plus what a daemonless scanner needs.</summary>
internal sealed class InspectorFlags
{
    /// <summary>
    /// The CVE feed URL when <c>--cve-url</c> is absent: a URL with credentials reaches a scanning pod through its
    /// secret, never its command line (which anyone on the node can read in <c>/proc/*/cmdline</c>).
    /// </summary>
    public const string CveUrlVariable = "INSPECTOR_CVE_URL";

    public Option<string> Image { get; } = new("--image") { Description = "The image: a registry reference, oci:PATH[:TAG] or docker-archive:PATH." };

    public Option<string> ScanType { get; } = new("--scan-type") { Description = "The scan: openscap (the only one)." };

    public Option<string> Serve { get; } = new("--serve") { Description = "HOST:PORT: listen at once, scan in the background, serve the results." };

    public Option<string[]> DockerConfig { get; } = new("--dockercfg") { Description = "A Docker config file (config.json or .dockercfg); repeatable." };

    public Option<string> Username { get; } = new("--username") { Description = "Registry user name (with --password-file)." };

    public Option<string> PasswordFile { get; } = new("--password-file") { Description = "File holding the registry password." };

    public Option<string[]> InsecureRegistry { get; } = new("--insecure-registry") { Description = "HOST[:PORT] reached over plain HTTP; repeatable." };

    public Option<string> RegistryCaFile { get; } = new("--registry-ca-file") { Description = "PEM CA certificates trusted in addition to the system's." };

    public Option<string> Platform { get; } = new("--platform") { Description = "OS/ARCH[/VARIANT] picked from a multi-platform image.", DefaultValueFactory = _ => "linux/amd64" };

    public Option<string> PullPolicy { get; } = new("--pull-policy") { Description = "always, if-not-present (when-missing) or never.", DefaultValueFactory = _ => "if-not-present" };

    public Option<string> WorkDirectory { get; } = new("--work-dir") { Description = "Unpack root and downloads (an emptyDir in the pod). Default: a new directory in /var/tmp." };

    public Option<string> ResultsDirectory { get; } = new("--scan-results-dir") { Description = "Where results-arf.xml, results.html, summary.json and metadata.json go. Default: WORK-DIR/results." };

    public Option<bool> HtmlReport { get; } = new("--openscap-html-report") { Description = "Also produce the HTML report." };

    public Option<long?> HtmlReportMaxArfBytes { get; } = new("--html-report-max-arf-bytes") { Description = "Skip the HTML report for a larger ARF (default 67108864)." };

    public Option<string> CveUrl { get; } = new("--cve-url") { Description = "CVE OVAL feed: URL or path of a .xml/.bz2/.gz file, or a base URL the data stream's feed file name is appended to (else env INSPECTOR_CVE_URL)." };

    public Option<CveFeedPolicy?> CveFeedPolicy { get; } = new("--cve-feed-policy") { Description = "optional (default), required or disabled." };

    public Option<string> CveCacheDirectory { get; } = new("--cve-cache-dir") { Description = "CVE feed cache. Default: WORK-DIR/cve-cache." };

    public Option<string> SsgDataStream { get; } = new("--ssg-datastream") { Description = "Data stream to use whatever the distribution (path or file name)." };

    public Option<string> SsgProfile { get; } = new("--ssg-profile") { Description = "Profile id or suffix instead of the mapped one." };

    public Option<TimeSpan?> ScanTimeout { get; } = new("--scan-timeout") { Description = "oscap time limit (default 00:30:00)." };

    public Option<string> AuthTokenFile { get; } = new("--auth-token-file", "--webdav-token-file") { Description = "File holding the shared X-Auth-Token (else env INSPECTOR_AUTH_TOKEN)." };

    public Option<string> ConfigFile { get; } = new("--config") { Description = "JSON configuration (ScapContent map, OpenScap, CveFeeds, ImageAcquisition sections)." };

    public void AddTo(Command command)
    {
        Option[] all = [Image, ScanType, Serve, DockerConfig, Username, PasswordFile, InsecureRegistry, RegistryCaFile, Platform, PullPolicy, WorkDirectory, ResultsDirectory, HtmlReport, HtmlReportMaxArfBytes, CveUrl, CveFeedPolicy, CveCacheDirectory, SsgDataStream, SsgProfile, ScanTimeout, AuthTokenFile, ConfigFile];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="FormatException">A flag is missing, malformed or contradicts another; the message says which, as image-inspector does.</exception>
    public InspectorSettings ToSettings(ParseResult parse)
    {
        var image = parse.GetValue(Image);
        if (string.IsNullOrWhiteSpace(image))
        {
            throw new FormatException("docker image must be specified to inspect (--image)");
        }

        var scanType = parse.GetValue(ScanType);
        if (scanType != "openscap")
        {
            throw new FormatException($"'{scanType}' is not one of the available scan-types which are [openscap] (--scan-type)");
        }

        var dockerConfigs = parse.GetValue(DockerConfig) ?? [];
        var username = parse.GetValue(Username);
        var passwordFile = parse.GetValue(PasswordFile);
        if (dockerConfigs.Length > 0 && username is not null)
        {
            throw new FormatException("only specify dockercfg file or username/password pair for authentication");
        }

        if ((username is null) != (passwordFile is null))
        {
            throw new FormatException("--username and --password-file go together");
        }

        _ = ImageSource.Parse(image);
        var workDirectory = Path.GetFullPath(parse.GetValue(WorkDirectory) ?? NewWorkDirectory());
        var serve = parse.GetValue(Serve);
        return new InspectorSettings
        {
            Image = image,
            Serve = serve is null ? null : ServeAddress.Parse(serve),
            DockerConfigFiles = dockerConfigs,
            Username = username,
            PasswordFile = passwordFile,
            InsecureRegistries = parse.GetValue(InsecureRegistry) ?? [],
            RegistryCaFile = parse.GetValue(RegistryCaFile),
            Platform = ImagePlatform.Parse(parse.GetValue(Platform)!),
            PullPolicy = PullPolicyNames.Parse(parse.GetValue(PullPolicy)!),
            WorkDirectory = workDirectory,
            ResultsDirectory = Path.GetFullPath(parse.GetValue(ResultsDirectory) ?? Path.Combine(workDirectory, "results")),
            HtmlReport = parse.GetValue(HtmlReport),
            HtmlReportMaxArfBytes = parse.GetValue(HtmlReportMaxArfBytes),
            CveUrl = parse.GetValue(CveUrl) ?? NonEmpty(Environment.GetEnvironmentVariable(CveUrlVariable)),
            CveFeedPolicy = parse.GetValue(CveFeedPolicy),
            CveCacheDirectory = Path.GetFullPath(parse.GetValue(CveCacheDirectory) ?? Path.Combine(workDirectory, "cve-cache")),
            SsgDataStream = parse.GetValue(SsgDataStream),
            SsgProfile = parse.GetValue(SsgProfile),
            ScanTimeout = parse.GetValue(ScanTimeout),
            AuthToken = ReadToken(parse.GetValue(AuthTokenFile)),
            ConfigFile = parse.GetValue(ConfigFile),
        };
    }

    // Like image-inspector, /var/tmp rather than /tmp, which is often a small tmpfs.
    private static string NewWorkDirectory()
    {
        var parent = Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath();
        return Directory.CreateDirectory(Path.Combine(parent, "miq-inspector-" + Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal))).FullName;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ReadToken(string? file)
    {
        string? token;
        try
        {
            token = file is null ? Environment.GetEnvironmentVariable("INSPECTOR_AUTH_TOKEN") : File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new FormatException($"--auth-token-file {file} cannot be read: {e.Message}", e);
        }

        token = token?.Trim();
        if (file is not null && string.IsNullOrEmpty(token))
        {
            throw new FormatException($"--auth-token-file {file} is empty");
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }
}

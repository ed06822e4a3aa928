using System.CommandLine;
using System.Globalization;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Scanner.CommandLine;

/// <summary>
/// The one set of scan flags and their binder, shared by the inspector and <c>bridge scan</c>. The names are the
/// inspector's (<see cref="InspectorFlagNames"/>, image-inspector's), because ManageIQ's job and the scanning pod pass them.
/// </summary>
public sealed class ScanFlags
{
    private const string BridgeResultsDirectory = "scan-results";

    public ScanFlags(ScanFlagStyle style)
    {
        Style = style;
        ResultsDirectory = new(InspectorFlagNames.ResultsDirectory) { Description = $"Where {InspectorArtifacts.Arf}, {InspectorArtifacts.Html}, {InspectorArtifacts.Summary} and {InspectorArtifacts.Metadata} go. Default: " + (style == ScanFlagStyle.Bridge ? BridgeResultsDirectory : "WORK-DIR/results") + "." };
        if (style == ScanFlagStyle.Bridge)
        {
            ResultsDirectory.Aliases.Add("--output-dir");
            ImageArgument = new Argument<string?>("IMAGE-REF") { Description = "The image (or use --image).", Arity = ArgumentArity.ZeroOrOne };
            NoHtml = new Option<bool>("--no-html") { Description = "Skip the HTML report (on by default)." };
            Digest = new Option<string>("--digest") { Description = "The digest ManageIQ knows (manifest, or manifest list/index): the image is pulled by it and the result must match it." };
        }
    }

    public ScanFlagStyle Style { get; }

    public Option<string> Image { get; } = new(InspectorFlagNames.Image) { Description = "The image: a registry reference, oci:PATH[:TAG] or docker-archive:PATH." };

    /// <summary>The bridge's positional image reference.</summary>
    public Argument<string?>? ImageArgument { get; }

    public Option<string[]> DockerConfig { get; } = new(InspectorFlagNames.DockerConfig) { Description = "A Docker config file (config.json or .dockercfg); repeatable; added to ImageAcquisition:DockerConfigFiles." };

    public Option<string> Username { get; } = new(InspectorFlagNames.Username) { Description = "Registry user name (with --password-file)." };

    public Option<string> PasswordFile { get; } = new(InspectorFlagNames.PasswordFile) { Description = "File holding the registry password." };

    public Option<string[]> InsecureRegistry { get; } = new(InspectorFlagNames.InsecureRegistry) { Description = "HOST[:PORT] reached over plain HTTP; repeatable; added to ImageAcquisition:InsecureRegistries." };

    public Option<string> RegistryCaFile { get; } = new(InspectorFlagNames.RegistryCaFile) { Description = "PEM CA certificates trusted in addition to the system's (instead of ImageAcquisition:CaFile)." };

    public Option<string> Platform { get; } = new(InspectorFlagNames.Platform) { Description = "OS/ARCH[/VARIANT] picked from a multi-platform image.", DefaultValueFactory = _ => "linux/amd64" };

    public Option<string> PullPolicy { get; } = new(InspectorFlagNames.PullPolicy) { Description = "always, if-not-present (when-missing) or never.", DefaultValueFactory = _ => "if-not-present" };

    public Option<string> WorkDirectory { get; } = new(InspectorFlagNames.WorkDirectory) { Description = "Unpack root and downloads. Default: a new directory (the bridge removes it afterwards)." };

    public Option<string> ResultsDirectory { get; }

    public Option<bool> HtmlReport { get; } = new(InspectorFlagNames.HtmlReport) { Description = "Also produce the HTML report." };

    /// <summary>The bridge's digest to pull by and check (ManageIQ's <c>image_ref</c> or <c>digest</c>).</summary>
    public Option<string>? Digest { get; }

    /// <summary>The bridge's way to turn the HTML report off.</summary>
    public Option<bool>? NoHtml { get; }

    public Option<long?> HtmlReportMaxArfBytes { get; } = new(InspectorFlagNames.HtmlReportMaxArfBytes) { Description = "Skip the HTML report for a larger ARF (OpenScap:HtmlReportMaxArfBytes, default 67108864)." };

    public Option<string> CveUrl { get; } = new(InspectorFlagNames.CveUrl) { Description = "CVE OVAL feed: URL or path of a .xml/.bz2/.gz file, or a base URL the data stream's feed file name is appended to; wins over ScapContent:Distributions[n]:CveFeed." };

    public Option<CveFeedPolicy?> CveFeedPolicy { get; } = new(InspectorFlagNames.CveFeedPolicy) { Description = "optional (default), required or disabled (CveFeeds:Policy)." };

    public Option<string> CveCacheDirectory { get; } = new(InspectorFlagNames.CveCacheDirectory) { Description = "CVE feed cache (CveFeeds:CacheDirectory)." };

    public Option<string> SsgDataStream { get; } = new(InspectorFlagNames.SsgDataStream) { Description = "Data stream to use whatever the distribution (path or file name)." };

    public Option<string> SsgProfile { get; } = new(InspectorFlagNames.SsgProfile) { Description = "Profile id or suffix instead of the mapped one." };

    public Option<string> TailoringFile { get; } = new(InspectorFlagNames.TailoringFile) { Description = "XCCDF 1.2 tailoring file whose profiles --ssg-profile may name (merged with the CVE feed's tailoring)." };

    public Option<TimeSpan?> ScanTimeout { get; } = new(InspectorFlagNames.ScanTimeout) { Description = "oscap time limit (OpenScap:Timeout, default 00:30:00)." };

    public Option<string> ConfigFile { get; } = new(InspectorFlagNames.ConfigFile) { Description = "JSON configuration in the appsettings shape (ImageAcquisition, ScapContent, CveFeeds, OpenScap, ... sections)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (ImageArgument is not null)
        {
            command.Arguments.Add(ImageArgument);
        }

        Option[] all = [Image, DockerConfig, Username, PasswordFile, InsecureRegistry, RegistryCaFile, Platform, PullPolicy, WorkDirectory, ResultsDirectory, HtmlReport, HtmlReportMaxArfBytes, CveUrl, CveFeedPolicy, CveCacheDirectory, SsgDataStream, SsgProfile, TailoringFile, ScanTimeout, ConfigFile];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        if (NoHtml is not null && Digest is not null)
        {
            command.Options.Add(NoHtml);
            command.Options.Add(Digest);
        }
    }

    /// <exception cref="FormatException">A flag is missing, malformed or contradicts another; the message says which.</exception>
    public ScanInvocation Bind(ParseResult parse)
    {
        var imageText = RequireImage(parse);
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

        var digest = Digest is null ? null : parse.GetValue(Digest);
        var image = ImageSource.Parse(ImagePin.Pin(imageText, digest));
        var platform = ImagePlatform.Parse(parse.GetValue(Platform)!);
        var pullPolicy = PullPolicyNames.Parse(parse.GetValue(PullPolicy)!);
        var givenWork = parse.GetValue(WorkDirectory);
        var work = Path.GetFullPath(givenWork ?? NewWorkDirectory(Style));
        var results = parse.GetValue(ResultsDirectory) ?? (Style == ScanFlagStyle.Bridge ? BridgeResultsDirectory : Path.Combine(work, "results"));
        var settings = new ScanSettings
        {
            Image = image,
            WorkDirectory = work,
            ResultsDirectory = Path.GetFullPath(results),
            Platform = platform,
            PullPolicy = pullPolicy,
            DockerConfigFiles = dockerConfigs,
            Username = username,
            PasswordFile = passwordFile,
            InsecureRegistries = parse.GetValue(InsecureRegistry) ?? [],
            CaFile = parse.GetValue(RegistryCaFile),
            HtmlReport = Style == ScanFlagStyle.Bridge ? !parse.GetValue(NoHtml!) : parse.GetValue(HtmlReport),
            ContentOverride = new ScapContentOverride(parse.GetValue(SsgDataStream), parse.GetValue(SsgProfile), parse.GetValue(CveUrl), FullPath(parse.GetValue(TailoringFile))),
        };
        return new ScanInvocation(settings, Style == ScanFlagStyle.Bridge && givenWork is null, parse.GetValue(ConfigFile), Configuration(parse, work))
        {
            ExpectedDigest = digest,
            Timeout = parse.GetValue(ScanTimeout),
        };
    }

    /// <summary>The image as written (<c>--image</c>, or the bridge's positional reference).</summary>
    /// <exception cref="FormatException">None was given.</exception>
    public string RequireImage(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var image = parse.GetValue(Image) ?? (ImageArgument is null ? null : parse.GetValue(ImageArgument));
        return string.IsNullOrWhiteSpace(image) ? throw new FormatException($"docker image must be specified to inspect ({InspectorFlagNames.Image})") : image;
    }

    private Dictionary<string, string?> Configuration(ParseResult parse, string work)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var cache = parse.GetValue(CveCacheDirectory) ?? (Style == ScanFlagStyle.Inspector ? Path.Combine(work, "cve-cache") : null);
        if (cache is not null)
        {
            values[CveFeedOptions.SectionName + ":" + nameof(CveFeedOptions.CacheDirectory)] = Path.GetFullPath(cache);
        }

        if (parse.GetValue(CveFeedPolicy) is { } policy)
        {
            values[CveFeedOptions.SectionName + ":" + nameof(CveFeedOptions.Policy)] = policy.ToString();
        }

        if (parse.GetValue(ScanTimeout) is { } timeout)
        {
            values[OscapOptions.SectionName + ":" + nameof(OscapOptions.Timeout)] = timeout.ToString("c", CultureInfo.InvariantCulture);
        }

        if (parse.GetValue(HtmlReportMaxArfBytes) is { } maxArf)
        {
            values[OscapOptions.SectionName + ":" + nameof(OscapOptions.HtmlReportMaxArfBytes)] = maxArf.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static string? FullPath(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);

    // Like image-inspector, /var/tmp rather than /tmp, which is often a small tmpfs.
    private static string NewWorkDirectory(ScanFlagStyle style)
    {
        if (style == ScanFlagStyle.Bridge)
        {
            return Directory.CreateTempSubdirectory("miq-scan-").FullName;
        }

        var parent = Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath();
        return Directory.CreateDirectory(Path.Combine(parent, "miq-inspector-" + Path.GetRandomFileName().Replace(".", string.Empty, StringComparison.Ordinal))).FullName;
    }
}

using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The inspector's settings, from its flags.</summary>
public sealed record InspectorSettings
{
    public required string Image { get; init; }

    /// <summary>HOST:PORT to serve on; null for the one-shot mode.</summary>
    public ServeAddress? Serve { get; init; }

    public IReadOnlyList<string> DockerConfigFiles { get; init; } = [];

    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    public string? RegistryCaFile { get; init; }

    public ImagePlatform Platform { get; init; } = ImagePlatform.LinuxAmd64;

    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    public required string WorkDirectory { get; init; }

    public required string ResultsDirectory { get; init; }

    public bool HtmlReport { get; init; }

    public long? HtmlReportMaxArfBytes { get; init; }

    public string? CveUrl { get; init; }

    public CveFeedPolicy? CveFeedPolicy { get; init; }

    public required string CveCacheDirectory { get; init; }

    public string? SsgDataStream { get; init; }

    public string? SsgProfile { get; init; }

    public TimeSpan? ScanTimeout { get; init; }

    /// <summary>The shared X-Auth-Token; null serves without authentication.</summary>
    public string? AuthToken { get; init; }

    /// <summary>A JSON configuration file (content map, limits).</summary>
    public string? ConfigFile { get; init; }

    public ImageScanRequest ToScanRequest() => new()
    {
        Image = Image,
        WorkDirectory = WorkDirectory,
        ResultsDirectory = ResultsDirectory,
        Platform = Platform,
        PullPolicy = PullPolicy,
        DockerConfigFiles = DockerConfigFiles,
        Username = Username,
        PasswordFile = PasswordFile,
        InsecureRegistries = InsecureRegistries,
        CaFile = RegistryCaFile,
        HtmlReport = HtmlReport,
        ContentOverride = new ScapContentOverride(SsgDataStream, SsgProfile, CveUrl),
        CveFeedPolicy = CveFeedPolicy,
    };

    // The token is a secret: keep it out of any printed form of the settings.
    public override string ToString() => $"InspectorSettings {{ Image = {Image}, Serve = {Serve}, WorkDirectory = {WorkDirectory} }}";
}

using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// One scan as a command line asks for it (<c>bridge scan</c> and the inspector bind the same flags into it). What
/// every scan shares (registries, CVE feeds, oscap limits) is configuration, not this.
/// </summary>
public sealed record ScanSettings
{
    /// <summary>The image, parsed once.</summary>
    public required ImageSource Image { get; init; }

    /// <summary>Unpack root, downloads and oscap's files.</summary>
    public required string WorkDirectory { get; init; }

    public required string ResultsDirectory { get; init; }

    public ImagePlatform Platform { get; init; } = ImagePlatform.LinuxAmd64;

    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    /// <summary>Added to <c>ImageAcquisition:DockerConfigFiles</c> for this scan.</summary>
    public IReadOnlyList<string> DockerConfigFiles { get; init; } = [];

    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    /// <summary>Added to <c>ImageAcquisition:InsecureRegistries</c> for this scan.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Instead of <c>ImageAcquisition:CaFile</c>.</summary>
    public string? CaFile { get; init; }

    public bool HtmlReport { get; init; }

    public ScapContentOverride ContentOverride { get; init; } = ScapContentOverride.None;
}

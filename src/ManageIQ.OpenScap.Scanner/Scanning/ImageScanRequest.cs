using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>One image to pull, unpack and scan.</summary>
public sealed record ImageScanRequest
{
    /// <summary>A registry reference, <c>oci:PATH[:TAG]</c> or <c>docker-archive:PATH</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Holds the unpacked image (<c>image/rootfs</c>) and oscap's working files.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Where <c>results-arf.xml</c>, <c>results.html</c> and <c>summary.json</c> are written.</summary>
    public required string ResultsDirectory { get; init; }

    public ImagePlatform Platform { get; init; } = ImagePlatform.LinuxAmd64;

    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    public IReadOnlyList<string> DockerConfigFiles { get; init; } = [];

    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    public string? CaFile { get; init; }

    public bool HtmlReport { get; init; }

    public ScapContentOverride ContentOverride { get; init; } = ScapContentOverride.None;

    /// <summary>Overrides the configured <see cref="CveFeedOptions.Policy"/>.</summary>
    public CveFeedPolicy? CveFeedPolicy { get; init; }
}

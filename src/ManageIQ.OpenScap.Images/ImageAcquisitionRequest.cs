namespace ManageIQ.OpenScap.Images;

/// <summary>One image to fetch and unpack.</summary>
public sealed record ImageAcquisitionRequest
{
    /// <summary>The image: registry reference, OCI layout or docker archive.</summary>
    public required ImageSource Source { get; init; }

    /// <summary>A directory owned by this acquisition; the image is unpacked into its <c>rootfs/</c>.</summary>
    public required string WorkDirectory { get; init; }

    public ImagePlatform Platform { get; init; } = ImagePlatform.LinuxAmd64;

    public PullPolicy PullPolicy { get; init; } = PullPolicy.IfNotPresent;

    /// <summary>Docker config files (<c>config.json</c> with <c>auths</c>, or the legacy <c>.dockercfg</c>), tried in order.</summary>
    public IReadOnlyList<string> DockerConfigFiles { get; init; } = [];

    /// <summary>A user name for the registry; its password is read from <see cref="PasswordFile"/>.</summary>
    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    /// <summary>Registries (<c>host[:port]</c>) reached over plain HTTP. Every other registry needs HTTPS.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>A PEM bundle of CA certificates trusted in addition to the system's.</summary>
    public string? CaFile { get; init; }

    public UnpackLimits Limits { get; init; } = UnpackLimits.Default;

    /// <summary>Where the root filesystem is unpacked: <c>WorkDirectory/rootfs</c>.</summary>
    public string RootFileSystemPath => System.IO.Path.Combine(WorkDirectory, "rootfs");
}

using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Images;

/// <summary>Settings shared by every acquisition (configuration section <c>ImageAcquisition</c>).</summary>
public sealed class ImageAcquisitionOptions
{
    public const string SectionName = "ImageAcquisition";

    /// <summary>How long one registry request may take until its response headers arrive before it is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long reading a manifest, index, configuration, token or error body may take.</summary>
    public TimeSpan BodyTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A layer transfer that receives no byte for this long is stopped (and resumed while attempts remain).</summary>
    public TimeSpan BlobIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per request (manifest, token, blob) before giving up; blob attempts resume with Range.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Layers downloaded at the same time (unpacking stays in layer order).</summary>
    [Range(1, 16)]
    public int MaxParallelDownloads { get; set; } = 3;

    /// <summary>Largest manifest, index or configuration accepted.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxManifestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Registries (<c>host[:port]</c>) reached over plain HTTP by every scan (the flag <c>--insecure-registry</c> adds to them).</summary>
    public List<string> InsecureRegistries { get; set; } = [];

    /// <summary>Docker config files with registry credentials tried by every scan (the flag <c>--dockercfg</c> adds to them).</summary>
    public List<string> DockerConfigFiles { get; set; } = [];

    /// <summary>A PEM bundle of CA certificates trusted in addition to the system's (the flag <c>--registry-ca-file</c> wins).</summary>
    public string? CaFile { get; set; }

    /// <summary>Keep downloaded layer blobs in <c>WorkDirectory/blobs</c> after unpacking.</summary>
    public bool KeepBlobs { get; set; }

    /// <summary>
    /// Token services registry credentials may be sent to besides the registry's own host. Docker Hub's and
    /// quay.io's are built in.
    /// </summary>
    public IList<RegistryAuthServer> AuthServers { get; } = [];
}

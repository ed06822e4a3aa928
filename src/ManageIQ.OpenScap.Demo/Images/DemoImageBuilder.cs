using System.Diagnostics;
using System.Text.Json;
using ManageIQ.OpenScap.Demo.Debian;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>
/// Builds each demo image once, with no container engine: an OCI layout (<c>umoci init</c>, <c>new</c>,
/// <c>unpack</c>), the root filesystem made in its bundle, packed as one layer (<c>umoci repack</c>) with its
/// configuration. A finished build is marked by <c>image.json</c> and reused while the image's spec is the same; a build
/// cut off is started over.
/// </summary>
public sealed class DemoImageBuilder(IRootFileSystemBuilder roots, TimeProvider time)
{
    public const string RecordName = "image.json";
    private static readonly TimeSpan UmociTimeout = TimeSpan.FromMinutes(10);

    public async Task<BuiltImage> BuildOrReuseAsync(DemoImageSpec spec, string imagesDirectory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var directory = Path.Combine(imagesDirectory, spec.DirectoryName);
        var layout = Path.Combine(directory, "layout");
        var status = Path.Combine(directory, "dpkg-status");
        var record = Read(Path.Combine(directory, RecordName));
        if (record is not null && record.Key == spec.Key && Directory.Exists(layout) && File.Exists(status))
        {
            return new BuiltImage(spec, layout, status, record.Packages, record.DebianVersion, Reused: true, TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var image = "layout:" + spec.Tag;
        var bundle = Path.Combine(directory, "bundle");
        await Umoci(directory, cancellationToken, "init", "--layout", "layout").ConfigureAwait(false);
        await Umoci(directory, cancellationToken, "new", "--image", image).ConfigureAwait(false);
        await Umoci(directory, cancellationToken, "unpack", "--image", image, "bundle").ConfigureAwait(false);
        var root = Path.Combine(bundle, "rootfs");
        progress?.Report(roots.Describe(spec));
        await roots.BuildAsync(spec, root, cancellationToken).ConfigureAwait(false);
        File.Copy(Path.Combine(root, DpkgStatus.RelativePath), status);
        var packages = DpkgStatus.ReadFile(status).Count;
        var debianVersion = File.Exists(Path.Combine(root, "etc", "debian_version")) ? File.ReadAllText(Path.Combine(root, "etc", "debian_version")).Trim() : "unknown";
        progress?.Report($"umoci repack: {packages} packages into one layer");
        await Umoci(directory, cancellationToken, "repack", "--image", image, "bundle").ConfigureAwait(false);
        await Umoci(directory, cancellationToken, "config", "--image", image, "--os", "linux", "--architecture", "amd64", "--config.cmd", "/bin/bash", "--config.label", "org.opencontainers.image.title=" + spec.Title).ConfigureAwait(false);
        await Umoci(directory, cancellationToken, "gc", "--layout", "layout").ConfigureAwait(false);
        Directory.Delete(bundle, recursive: true);
        var built = new ImageRecord { Key = spec.Key, Packages = packages, DebianVersion = debianVersion, BuiltOn = time.GetUtcNow() };
        await File.WriteAllTextAsync(Path.Combine(directory, RecordName), JsonSerializer.Serialize(built, ImageJsonContext.Default.ImageRecord), cancellationToken).ConfigureAwait(false);
        return new BuiltImage(spec, layout, status, packages, debianVersion, Reused: false, clock.Elapsed);
    }

    private static Task<ToolResult> Umoci(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        ToolRunner.RunAsync(new ToolCommand("umoci", arguments, UmociTimeout) { WorkingDirectory = directory }, cancellationToken);

    private static ImageRecord? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ImageJsonContext.Default.ImageRecord) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

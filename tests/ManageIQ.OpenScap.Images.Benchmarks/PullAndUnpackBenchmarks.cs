using BenchmarkDotNet.Attributes;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>
/// The BenchmarkDotNet variant (<c>--bdn</c>) of <see cref="SideBySide"/>. Pull + unpack of the same image from the same loopback docker-registry, side by side:
/// <c>skopeo copy docker://… oci:…</c> followed by <c>umoci unpack --rootless</c>, against
/// <see cref="ImageAcquirer"/>. Each iteration starts from an empty directory.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class PullAndUnpackBenchmarks
{
    private LoopbackRegistry _registry = null!;
    private ImageAcquirer _acquirer = null!;
    private string _iterationDirectory = null!;

    [Params("1-layer", "3-layers")]
    public string Image { get; set; } = "1-layer";

    [GlobalSetup]
    public void GlobalSetup()
    {
        _registry = LoopbackRegistry.StartAsync().GetAwaiter().GetResult();
        var image = new TestImage();
        foreach (var file in BenchmarkWorkspace.LayerFiles(Image))
        {
            image.Layer(BuiltLayer.FromGzipFile(file));
        }

        _registry.PushAsync("bench/debian", "12", image.Build()).GetAwaiter().GetResult();
        _acquirer = new ImageAcquirer(Options.Create(new ImageAcquisitionOptions()), NullLogger<ImageAcquirer>.Instance, TimeProvider.System);
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _registry.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void IterationSetup()
    {
        _iterationDirectory = Path.Combine(BenchmarkWorkspace.Directory, "iteration");
        if (Directory.Exists(_iterationDirectory))
        {
            Directory.Delete(_iterationDirectory, recursive: true);
        }

        Directory.CreateDirectory(_iterationDirectory);
    }

    [IterationCleanup]
    public void IterationCleanup() => Directory.Delete(_iterationDirectory, recursive: true);

    [Benchmark(Baseline = true, Description = "skopeo copy + umoci unpack --rootless")]
    public void SkopeoAndUmoci()
    {
        var layout = Path.Combine(_iterationDirectory, "layout");
        Shell.Run("skopeo", "copy", "--quiet", "--src-tls-verify=false", $"docker://{_registry.Host}/bench/debian:12", $"oci:{layout}:12");
        Shell.Run("umoci", "unpack", "--rootless", "--image", $"{layout}:12", Path.Combine(_iterationDirectory, "bundle"));
    }

    [Benchmark(Description = "ImageAcquirer (pull + unpack)")]
    public AcquiredImage ImageAcquirer() => _acquirer.AcquireAsync(new ImageAcquisitionRequest
    {
        Source = ImageSource.Parse($"{_registry.Host}/bench/debian:12"),
        WorkDirectory = Path.Combine(_iterationDirectory, "work"),
        InsecureRegistries = [_registry.Host],
        PullPolicy = PullPolicy.Always,
    }, null, CancellationToken.None).GetAwaiter().GetResult();
}

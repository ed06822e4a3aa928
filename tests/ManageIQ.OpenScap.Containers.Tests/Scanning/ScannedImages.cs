using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests.Scanning;

/// <summary>
/// One docker-registry on 127.0.0.1 holding a real Debian 12 minbase (mmdebstrap) and the hostile images, and the
/// host's own scan of the minbase (the inspector run on this machine, oscap 1.3.7) that the containers must equal.
/// </summary>
[SetUpFixture]
public sealed class ScannedImages
{
    private static TempDirectory? host;

    public static LoopbackRegistry Registry { get; private set; } = null!;

    public static string Debian => Registry.Host + "/test/debian-minbase:12";

    /// <summary>The host scan's results directory (results-arf.xml, summary.json, metadata.json).</summary>
    public static string HostResults { get; private set; } = null!;

    /// <summary>The host scan's exit code: the container's must be the same.</summary>
    public static int HostExitCode { get; private set; }

    public static string Hostile(string name) => Registry.Host + "/test/hostile:" + name;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Registry = await LoopbackRegistry.StartAsync();
        await Registry.PushAsync("test/debian-minbase", "12", new TestImage().Layer(BuiltLayer.FromGzipFile(DebianMinbase.LayerFile)).Build());
        await Registry.PushAsync("test/hostile", "pax-record", HostileImages.PaxRecordAboveArrayMaxLength());
        await Registry.PushAsync("test/hostile", "pax-uid", HostileImages.PaxUidOverflow());
        await Registry.PushAsync("test/hostile", "layer-sizes", HostileImages.LayerSizesOverflow());

        host = new TempDirectory("miq-host-scan-");
        var run = await HostInspector.RunAsync(Debian, host, CancellationToken.None);
        HostResults = run.ResultsDirectory;
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed).Or.EqualTo(ExitCodes.Findings), run.Output + run.Error);
        HostExitCode = run.ExitCode;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Registry.DisposeAsync();
        host?.Dispose();
    }
}

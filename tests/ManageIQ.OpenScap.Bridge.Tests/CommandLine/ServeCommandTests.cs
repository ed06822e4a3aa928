using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

[TestFixture]
public sealed class ServeCommandTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Serve_BadServiceKeys_RefusesToStartInOneLineNamingEachKey(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, $$"""
            {
              "ManageIq": { "BaseUrl": "http://127.0.0.1:9", "User": "admin", "Password": "smartvm" },
              "Bridge": {
                "StateDirectory": "{{directory.Combine("state")}}",
                "FullScan": { "Cron": "every night", "TimeZone": "Mars/Olympus" },
                "Limits": { "PerProvider": 0 },
                "ProviderOverrides": { "2": { "Backend": "docker" } }
              }
            }
            """);
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        await run.WaitForExitAsync(cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments), run.Error + run.Output);
        var errors = run.Error.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.Error);
        foreach (var key in new[] { "Bridge:FullScan:Cron", "Bridge:FullScan:TimeZone", "Bridge:Limits:PerProvider", "Bridge:ProviderOverrides:2:Backend" })
        {
            Assert.That(errors[0], Does.Contain(key));
        }

        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Serve_StoppedBySigterm_ExitsZeroWithoutAStackTrace(CancellationToken cancellationToken)
    {
        // ManageIQ does not answer (nothing listens on port 9): the service waits at its start-up probe until the stop.
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, new Uri("http://127.0.0.1:9/"), "smartvm");
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        Assert.That(await run.WaitForOutputAsync("[8037]", cancellationToken), Is.True, "the probe is tried again later: " + run.Error + run.Output);

        await run.StopAsync(cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error + run.Output);
        Assert.That(run.Error + run.Output, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Serve_ManageIqRefusesTheProbe_ExitsWithManageIqRefusedInOneLine(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, emulator.BaseUri, "not-the-password");
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        await run.WaitForExitAsync(cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ManageIqRefused), run.Error + run.Output);
        Assert.That(run.Error.Split('\n').Count(l => l.StartsWith("Error:", StringComparison.Ordinal)), Is.EqualTo(1), run.Error);
        Assert.That(run.Error + run.Output, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Serve_KubernetesBackendWithoutACluster_RefusesToStartNamingTheKey(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, new Uri("http://127.0.0.1:9/"), "smartvm", "kubernetes");
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        await run.WaitForExitAsync(cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain("chooses the kubernetes backend, but Kubernetes:Clusters is empty"));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Serve_ManageIqBelowTheSupportedFloor_RefusesToStartInOneLineNamingTheVersion(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { ApiVersion = "3.0.0" }, cancellationToken);
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, emulator.BaseUri, "smartvm");
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        await run.WaitForExitAsync(cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ManageIqRefused), run.Error + run.Output);
        var errors = run.Error.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.Error);
        Assert.That(errors[0], Does.Contain("3.0.0").And.Contain("4.2.0"));
        Assert.That(run.Error + run.Output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(emulator.Requests.Matching("GET", "/api/container_images"), Is.Empty, "nothing listed");
    }

    private static string WriteConfig(TempDirectory directory, Uri manageIq, string password, string backend = "local")
    {
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, $$"""
            {
              "ManageIq": { "BaseUrl": "{{manageIq.AbsoluteUri}}", "User": "admin", "Password": "{{password}}", "MaxRetries": 0 },
              "Bridge": { "StateDirectory": "{{directory.Combine("state")}}", "Backend": "{{backend}}", "Leadership": { "Mode": "file" } },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:0" } } }
            }
            """);
        return config;
    }
}

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
    public async Task Serve_ManageIqBelowTheSupportedFloor_RefusesToStartInOneLineNamingTheVersion(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { ApiVersion = "3.0.0" }, cancellationToken);
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, $$"""
            {
              "ManageIq": { "BaseUrl": "{{emulator.BaseUri}}", "User": "admin", "Password": "smartvm" },
              "Bridge": { "StateDirectory": "{{directory.Combine("state")}}", "Leadership": { "Mode": "file" } },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:0" } } }
            }
            """);
        await using var run = ChildProcess.Start("ManageIQ.OpenScap.Bridge.dll", ["serve", "--config", config]);
        await run.WaitForExitAsync(cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ManageIqRefused), run.Error + run.Output);
        var errors = run.Error.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.Error);
        Assert.That(errors[0], Does.Contain("3.0.0").And.Contain("4.2.0"));
        Assert.That(run.Error + run.Output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(emulator.Requests.Matching("GET", "/api/container_images"), Is.Empty, "nothing listed");
    }
}

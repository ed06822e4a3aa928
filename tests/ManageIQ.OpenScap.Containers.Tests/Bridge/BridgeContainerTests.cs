using ManageIQ.OpenScap.Containers.Tests.Scanning;
using ManageIQ.OpenScap.Containers.Tests.Support;
using ManageIQ.OpenScap.Contracts.Hosting;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Emulator;

namespace ManageIQ.OpenScap.Containers.Tests.Bridge;

/// <summary>The bridge image runs <c>serve</c> as the Deployment runs it, against the emulator on this host.</summary>
[CancelAfter(300_000)]
public sealed class BridgeContainerTests
{
    [Test]
    public async Task Serve_AgainstTheEmulator_AnswersHealthAndReadinessAndStopsCleanly(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        using var deployment = new BridgeDeployment();
        var port = InspectorContainer.FreePort();
        WriteConfig(deployment, $$"""
            {
              "ManageIq": { "BaseUrl": "{{emulator.BaseUri.AbsoluteUri}}", "MaxRetries": 0 },
              "Bridge": { "Backend": "local", "StateDirectory": "/var/lib/manageiq-openscap/state", "Leadership": { "Mode": "file" },
                          "Providers": { "Mode": "list", "Ids": [ 999999 ] } },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:{{port}}" } } }
            }
            """);
        var name = "miq-bridge-" + Guid.NewGuid().ToString("N")[..8];
        await Podman.CheckAsync(["run", "--detach", .. deployment.RunArguments(name, "admin", "smartvm").Skip(1)], cancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await Readiness.WaitAsync(client, cancellationToken, HealthPaths.Liveness);
            await Readiness.WaitAsync(client, cancellationToken);
            Assert.That(emulator.Requests.Matching("GET", "/api"), Is.Not.Empty, "the bridge asked ManageIQ");

            await Podman.CheckAsync(["stop", "--time=30", name], cancellationToken);
            var exit = await Podman.CheckAsync(["inspect", "--format={{.State.ExitCode}}", name], cancellationToken);
            var logs = await Podman.RunAsync(["logs", name], cancellationToken);
            Assert.That(exit.Trim(), Is.EqualTo(ExitCodes.Passed.ToString(System.Globalization.CultureInfo.InvariantCulture)), logs.Text);
            Assert.That(logs.Text, Does.Not.Contain("Read-only file system").And.Not.Contain("   at "));
        }
        finally
        {
            await Podman.RunAsync(["rm", "--force", name], CancellationToken.None);
        }
    }

    [Test]
    public async Task Serve_BrokenConfiguration_RefusesInOneLineWithANonZeroExit(CancellationToken cancellationToken)
    {
        using var deployment = new BridgeDeployment();
        WriteConfig(deployment, """
            {
              "ManageIq": { "BaseUrl": "http://127.0.0.1:9" },
              "Bridge": { "StateDirectory": "/var/lib/manageiq-openscap/state", "Limits": { "PerProvider": 0 } }
            }
            """);
        var name = "miq-bridge-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var run = await Podman.RunAsync(deployment.RunArguments(name, "admin", "smartvm"), cancellationToken);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments), run.Text);
            var errors = run.Error.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
            Assert.That(errors, Has.Count.EqualTo(1), run.Text);
            Assert.That(errors[0], Does.Contain("Bridge:Limits:PerProvider"));
            Assert.That(run.Text, Does.Not.Contain("   at "), "no stack trace");
        }
        finally
        {
            await Podman.RunAsync(["rm", "--force", name], CancellationToken.None);
        }
    }

    private static void WriteConfig(BridgeDeployment deployment, string json) =>
        File.WriteAllText(Path.Combine(deployment.ConfigDirectory, "appsettings.json"), json);
}

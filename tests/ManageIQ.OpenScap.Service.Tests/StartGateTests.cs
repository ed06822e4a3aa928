using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Probing;
using ManageIQ.OpenScap.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// The start gates of <c>bridge serve</c> against the emulator: the probe of ManageIQ (refuses an old API or a user
/// lacking a feature, waits for one that does not answer) and the single-active guard (a second bridge on the same
/// state directory waits, is not ready, and takes over when the first stops).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StartGateTests
{
    private const int Timeout = 300_000;
    private const string User = "bridge";
    private const string Password = "bridge-password";

    [Test]
    [CancelAfter(Timeout)]
    public async Task ManageIqBelowTheFloor_TheStartIsRefusedNamingTheVersion_AndNothingIsListed(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, apiVersion: "3.0.0");
        var app = await rig.StartHostAsync(cancellationToken);
        await using (app)
        {
            var runner = await WaitStoppedAsync(app, cancellationToken);

            Assert.That(runner.Stop, Is.EqualTo(ServiceStop.Refused));
            Assert.That(runner.Refusal, Does.Contain("3.0.0").And.Contain(SupportedManageIq.MinimumApiVersion.ToString()).And.Not.Contain("\n"));
            Assert.That(runner.Started.IsFaulted, Is.True);
            var requests = await rig.RequestsAsync(cancellationToken);
            Assert.That(requests.Select(r => r.Value<string>("path")), Has.None.StartsWith("/api/container_images").And.None.StartsWith("/api/providers"));
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task UserLackingAFeature_TheStartIsRefusedNamingIt(CancellationToken cancellationToken)
    {
        var granted = ManageIqFeatures.For(ManageIqProbeGate.Needed).Where(r => r.IsGated).Select(r => r.Identifiers[0])
            .Where(f => f != "container_image_show_list").Distinct(StringComparer.Ordinal).ToList();
        await using var rig = await ServiceRig.StartAsync(
            cancellationToken,
            new JObject { ["ManageIq"] = new JObject { ["User"] = User, ["Password"] = Password } },
            seed => EmulatorSeed.WithUser(seed, User, Password, "OpenSCAP bridge", granted));
        var app = await rig.StartHostAsync(cancellationToken);
        await using (app)
        {
            var runner = await WaitStoppedAsync(app, cancellationToken);

            Assert.That(runner.Stop, Is.EqualTo(ServiceStop.Refused));
            Assert.That(runner.Refusal, Does.Contain("container_image_show_list").And.Contain("'bridge'"));
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task UserWithExactlyTheScanningFeatures_Starts(CancellationToken cancellationToken)
    {
        var granted = ManageIqFeatures.For(ManageIqProbeGate.Needed).Where(r => r.IsGated).Select(r => r.Identifiers[0]).Distinct(StringComparer.Ordinal).ToList();
        await using var rig = await ServiceRig.StartAsync(
            cancellationToken,
            new JObject { ["ManageIq"] = new JObject { ["User"] = User, ["Password"] = Password } },
            seed => EmulatorSeed.WithUser(seed, User, Password, "OpenSCAP bridge", granted));
        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            Assert.That(app.Services.GetRequiredService<BridgeServiceRunner>().Stop, Is.EqualTo(ServiceStop.Requested));
            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task ManageIqBehindAGatewayAnswering503AtStart_TheServiceWaitsAndStartsOnceItAnswers(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Bridge"] = new JObject { ["Startup"] = new JObject { ["ProbeRetryDelay"] = "00:00:00.200" } } });
        await rig.FaultAsync("""{"method": "GET", "pathPrefix": "/api", "queryContains": "attributes=authorization", "count": 1000, "status": 503}""", cancellationToken);
        var app = await rig.StartHostAsync(cancellationToken);
        await using (app)
        {
            var runner = app.Services.GetRequiredService<BridgeServiceRunner>();
            using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
            await ServiceRig.WaitUntilAsync(async () => (await rig.RequestsAsync(cancellationToken)).Count(IsProbe) >= 3, cancellationToken);
            Assert.That(runner.Started.IsCompleted, Is.False, "no work before ManageIQ answered");
            using (var waiting = await http.GetAsync("/readyz", cancellationToken))
            {
                Assert.That((int)waiting.StatusCode, Is.EqualTo(503));
                Assert.That(JObject.Parse(await waiting.Content.ReadAsStringAsync(cancellationToken)).SelectToken("checks.manageiq")?.Value<string>(), Is.Not.EqualTo("ok"));
            }

            await rig.ClearFaultsAsync(cancellationToken);
            await runner.Started.WaitAsync(cancellationToken);
            Assert.That(runner.Stop, Is.EqualTo(ServiceStop.Requested));
            await app.StopAsync(cancellationToken);
        }
    }

    [Test]
    [CancelAfter(Timeout)]
    public async Task SecondBridgeOnTheSameStateDirectory_WaitsForTheLock_IsNotReady_AndTakesOverWhenTheFirstStops(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new JObject { ["Bridge"] = new JObject { ["Leadership"] = new JObject { ["Mode"] = "file", ["RetryPeriod"] = "00:00:00.100" } } });
        var first = await rig.StartServiceAsync(cancellationToken);
        await using var firstDisposal = first;
        var second = await rig.StartHostAsync(cancellationToken);
        await using (second)
        {
            var standby = second.Services.GetRequiredService<BridgeServiceRunner>();
            using var firstHttp = new HttpClient { BaseAddress = new Uri(Address(first)) };
            using var secondHttp = new HttpClient { BaseAddress = new Uri(Address(second)) };
            // The standby's probe passed: it waits for the lock now.
            await ServiceRig.WaitUntilAsync(() => Task.FromResult(second.Services.GetRequiredService<Health.ManageIqReachability>().IsReached), cancellationToken);

            using (var ready = await firstHttp.GetAsync("/readyz", cancellationToken))
            {
                Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync(cancellationToken));
            }

            using (var notReady = await secondHttp.GetAsync("/readyz", cancellationToken))
            {
                var body = JObject.Parse(await notReady.Content.ReadAsStringAsync(cancellationToken));
                Assert.That((int)notReady.StatusCode, Is.EqualTo(503), body.ToString());
                Assert.That(body.SelectToken("checks.lease")?.Value<string>(), Does.Contain("waits for the single-active guard"), body.ToString());
            }

            Assert.That(standby.Started.IsCompleted, Is.False, "the standby does no work");

            await first.StopAsync(cancellationToken);
            await first.DisposeAsync();
            await standby.Started.WaitAsync(cancellationToken);
            using var tookOver = await secondHttp.GetAsync("/readyz", cancellationToken);
            Assert.That((int)tookOver.StatusCode, Is.EqualTo(200), await tookOver.Content.ReadAsStringAsync(cancellationToken));
            await second.StopAsync(cancellationToken);
        }
    }

    private static bool IsProbe(JObject request) =>
        request.Value<string>("path") == "/api" && request.Value<string>("query")?.Contains("attributes=authorization", StringComparison.Ordinal) == true;

    private static async Task<BridgeServiceRunner> WaitStoppedAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await Task.Delay(Timeout, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(cancellationToken);
        return app.Services.GetRequiredService<BridgeServiceRunner>();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}

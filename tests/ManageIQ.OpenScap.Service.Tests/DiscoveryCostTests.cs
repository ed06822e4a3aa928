using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.Service.Discovery;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>Discovery's requests to ManageIQ, counted from the emulator's request log.</summary>
[TestFixture]
public sealed class DiscoveryCostTests
{
    private const int Providers = 10;
    private const int Images = 50_000;

    [Test]
    [CancelAfter(300_000)]
    public async Task UnchangedDiscovery_MakesOneRequestPerThousandImagesPlusTheProviderListing_AndOnePerProviderInTheAssignedMode(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = GeneratedSeed.Create(Providers, Images) }, cancellationToken);
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, new JObject
        {
            ["ManageIq"] = new JObject { ["BaseUrl"] = emulator.BaseUri.AbsoluteUri, ["User"] = "admin", ["Password"] = "smartvm" },
            ["Bridge"] = new JObject
            {
                ["StateDirectory"] = directory.Combine("state"),
                ["Exclusions"] = new JObject { ["ImageNames"] = new JArray() },
                ["Providers"] = new JObject { ["Mode"] = "assigned" },
                ["Policies"] = new JObject { ["AssignTo"] = new JArray(Enumerable.Range(1, Providers)) },
            },
            ["Logging"] = new JObject { ["LogLevel"] = new JObject { ["Default"] = "Warning" } },
            ["CveFeeds"] = new JObject { ["Policy"] = "Disabled", ["CacheDirectory"] = directory.Combine("feeds") },
        }.ToString());
        await using var app = BridgeServiceHost.Build(BridgeServiceHost.CreateBuilder(config, new Dictionary<string, string?>()));
        var discovery = app.Services.GetRequiredService<ImageDiscovery>();
        var registration = await app.Services.GetRequiredService<IPolicyRegistrar>().RegisterAsync(cancellationToken);
        Assert.That(registration.Outcomes.Count(o => o.Kind == OutcomeKind.Assigned && o.ObjectKind == "assignment"), Is.EqualTo(Providers), "the operator's gesture on every provider");

        var first = await discovery.DiscoverAsync(cancellationToken);
        Assert.That((first.Providers, first.Images, first.Queued), Is.EqualTo((Providers, Images, Images)), "every image is new");

        emulator.Requests.Clear();
        var second = await discovery.DiscoverAsync(cancellationToken);
        var requests = emulator.Requests.All.Where(r => !r.Path.StartsWith("/api/auth", StringComparison.Ordinal)).ToList();
        Assert.That((second.Images, second.Queued), Is.EqualTo((Images, 0)));
        Assert.That(requests.Select(r => r.Method), Is.All.EqualTo("GET"), "discovery writes nothing");
        Assert.That(requests, Has.Count.EqualTo(1 + Providers + (Images / 1000)), "the provider listing, each provider's profiles, then one page per 1,000 images");
        Assert.That(requests.Count(r => r.Path.EndsWith("/policy_profiles", StringComparison.Ordinal)), Is.EqualTo(Providers), "one read of the assignments per provider");
        Assert.That(await app.Services.GetRequiredService<IScanQueue>().ListAsync(ScanState.Queued, Images + 1, cancellationToken), Has.Count.EqualTo(Images), "no image queued twice");
    }
}

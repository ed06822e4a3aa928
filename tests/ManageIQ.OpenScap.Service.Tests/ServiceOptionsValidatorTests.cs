using ManageIQ.OpenScap.Service.Configuration;

namespace ManageIQ.OpenScap.Service.Tests;

[TestFixture]
public sealed class ServiceOptionsValidatorTests
{
    private readonly ServiceOptionsValidator _validator = new();

    [Test]
    public void Defaults_AreValid()
    {
        var result = _validator.Validate(null, new ServiceOptions());
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ServiceOptions();
        Assert.That(
            (options.Discovery.Interval, options.FullScan.Cron, options.FullScan.TimeZone, options.FullScan.MaxAge, options.Limits.PerProvider, options.Providers.Mode),
            Is.EqualTo((TimeSpan.FromMinutes(5), "0 0 2 * * ?", "UTC", TimeSpan.FromDays(7), 3, ProviderSelectionMode.All)));
        Assert.That(options.Exclusions.ImageNames, Is.EqualTo(new[] { ExclusionOptions.InspectorImage }));
    }

    [TestCase("not a cron", "Bridge:FullScan:Cron")]
    [TestCase("0 0 25 * * ?", "Bridge:FullScan:Cron")]
    public void BadCron_NamesItsKey(string cron, string key)
    {
        var result = _validator.Validate(null, new ServiceOptions { FullScan = new FullScanOptions { Cron = cron } });
        Assert.That(result.FailureMessage, Does.Contain(key));
    }

    [Test]
    public void EveryBadKey_IsNamed()
    {
        var options = new ServiceOptions
        {
            Discovery = new DiscoveryOptions { Interval = TimeSpan.Zero },
            FullScan = new FullScanOptions { TimeZone = "Mars/Olympus", MaxAge = TimeSpan.FromDays(-1) },
            Limits = new LimitOptions { PerProvider = 0, Global = 0 },
            Providers = new ProviderSelectionOptions { Mode = ProviderSelectionMode.List },
            ProviderOverrides = new(StringComparer.Ordinal)
            {
                ["abc"] = new ProviderOverrideOptions(),
                ["7"] = new ProviderOverrideOptions { Backend = "docker", Cron = "x", Limit = -1 },
            },
            Shutdown = new ShutdownOptions { Grace = TimeSpan.Zero },
            BackPressure = new BackPressureOptions { MaxWaiting = 0 },
        };
        var message = _validator.Validate(null, options).FailureMessage;
        foreach (var key in new[]
        {
            "Bridge:Discovery:Interval", "Bridge:FullScan:TimeZone", "Bridge:FullScan:MaxAge", "Bridge:Limits:PerProvider", "Bridge:Limits:Global",
            "Bridge:Providers:Ids", "Bridge:ProviderOverrides:abc", "Bridge:ProviderOverrides:7:Backend", "Bridge:ProviderOverrides:7:Cron",
            "Bridge:ProviderOverrides:7:Limit", "Bridge:Shutdown:Grace", "Bridge:BackPressure:MaxWaiting",
        })
        {
            Assert.That(message, Does.Contain(key));
        }
    }

    [Test]
    public void Limits_TakeTheProviderOverrides()
    {
        var options = new ServiceOptions { ProviderOverrides = new(StringComparer.Ordinal) { ["4"] = new ProviderOverrideOptions { Limit = 0 } } };
        var limits = ScanLimitsFactory.From(options);
        Assert.That((limits.For(4), limits.For(5), limits.Global), Is.EqualTo((0, 3, 10)));
    }
}

using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Compliance.Thresholds;
using ManageIQ.OpenScap.Compliance.Waivers;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Tests.Thresholds;

/// <summary>The thresholds, waivers and enforcement keys as configuration sets them: bound, and refused at start naming the key.</summary>
public sealed class ComplianceConfigurationTests
{
    [Test]
    public void Thresholds_AProviderOverride_KeepsTheDefaultsItDoesNotSet()
    {
        using var services = Services(new()
        {
            ["Bridge:Compliance:MinCveSeverity"] = "any",
            ["Bridge:ProviderOverrides:5:Compliance:MaxFailedRules"] = "3",
            ["Bridge:ProviderOverrides:6:Backend"] = "local",
        });

        var thresholds = services.GetRequiredService<IOptions<ComplianceThresholds>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(thresholds.For("5").MaxFailedRules, Is.EqualTo(3));
            Assert.That(thresholds.For("5").MinCveSeverity, Is.EqualTo(ComplianceSeverityFloor.Any));
            Assert.That(thresholds.For("6"), Is.SameAs(thresholds.Default));
            Assert.That(thresholds.For(null).MaxFailedRules, Is.Zero);
        });
    }

    [Test]
    public void Thresholds_ABadProviderLimit_IsRefusedNamingItsKey()
    {
        using var services = Services(new() { ["Bridge:ProviderOverrides:5:Compliance:MaxVulnerableCves"] = "-2" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ComplianceThresholds>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:ProviderOverrides:5:Compliance:MaxVulnerableCves is -2"));
    }

    [Test]
    public void Thresholds_AWordThatIsNoSeverity_IsRefusedNamingItsKey()
    {
        using var services = Services(new() { ["Bridge:ProviderOverrides:5:Compliance:MinRuleSeverity"] = "urgent" });

        var error = Assert.Throws<InvalidOperationException>(() => _ = services.GetRequiredService<IOptions<ComplianceThresholds>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:ProviderOverrides:5:Compliance:MinRuleSeverity"));
    }

    [Test]
    public void Waivers_ABadFile_IsRefusedAtStartNamingTheKeyAndTheLine()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "waivers.yaml");
        File.WriteAllText(file, "waivers:\n  - id: CVE-2026-0001\n    reason: r\n    owner: o\n    expires: soon\n");
        using var services = Services(new() { ["Bridge:Waivers:File"] = file });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<WaiverOptions>>().Value);

        Assert.That(error!.Message, Does.Contain($"Bridge:Waivers:File: Waiver file {file}, line 2: expires 'soon' is not a date"));
    }

    [TestCase("00:00:00", "Bridge:Waivers:CheckInterval is 00:00:00")]
    [TestCase("02:00:00", "Bridge:Waivers:CheckInterval is 02:00:00")]
    public void Waivers_AnIntervalOutOfRange_IsRefusedNamingTheKey(string interval, string expected)
    {
        using var services = Services(new() { ["Bridge:Waivers:CheckInterval"] = interval });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<WaiverOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Enforcement_Defaults_AnnotateButNeverDenyAnError()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<EnforcementOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Annotate, Is.True);
            Assert.That(options.DenyOnError, Is.False);
            Assert.That(options.PolicyName, Is.EqualTo(EnforcementOptions.DefaultPolicyName));
        });
    }

    [Test]
    public void Enforcement_AnEmptyPolicyName_IsRefusedNamingTheKey()
    {
        using var services = Services(new() { ["Bridge:Enforcement:PolicyName"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<EnforcementOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:Enforcement:PolicyName"));
    }

    private static ServiceProvider Services(Dictionary<string, string?> values) =>
        new ServiceCollection().AddCompliance(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
}

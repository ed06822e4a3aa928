using ManageIQ.OpenScap.Contracts.Leadership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace ManageIQ.OpenScap.Contracts.Tests.Leadership;

public sealed class LeadershipOptionsTests
{
    [TestCase(LeadershipMode.Auto, null, LeadershipMode.File)]
    [TestCase(LeadershipMode.Auto, "", LeadershipMode.File)]
    [TestCase(LeadershipMode.Auto, "10.96.0.1", LeadershipMode.Lease)]
    [TestCase(LeadershipMode.Lease, null, LeadershipMode.Lease)]
    [TestCase(LeadershipMode.File, "10.96.0.1", LeadershipMode.File)]
    public void Resolve_ModeAndEnvironment_PicksTheGuard(LeadershipMode configured, string? serviceHost, LeadershipMode expected)
    {
        Assert.That(LeadershipSelection.Resolve(configured, serviceHost), Is.EqualTo(expected));
    }

    [Test]
    public void Explain_SaysWhyTheGuardWasChosen()
    {
        Assert.That(LeadershipSelection.Explain(LeadershipMode.Auto, LeadershipMode.Lease), Is.EqualTo("Bridge:Leadership:Mode is auto and KUBERNETES_SERVICE_HOST is set: a Kubernetes Lease"));
        Assert.That(LeadershipSelection.Explain(LeadershipMode.File, LeadershipMode.File), Is.EqualTo("Bridge:Leadership:Mode is file: the file lock in Bridge:StateDirectory"));
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        var options = new LeadershipOptions();

        Assert.That(new LeadershipOptionsValidator().Validate(null, options).Succeeded, Is.True);
        Assert.That((options.Mode, options.LeaseName, options.LeaseDuration, options.RenewDeadline, options.RetryPeriod), Is.EqualTo(
            (LeadershipMode.Auto, "manageiq-openscap-bridge", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2))));
    }

    [TestCase(nameof(LeadershipOptions.LeaseDuration), "00:00:00", "Bridge:Leadership:LeaseDuration must be a positive duration")]
    [TestCase(nameof(LeadershipOptions.LeaseDuration), "00:00:15.500", "Bridge:Leadership:LeaseDuration must be a whole number of seconds")]
    [TestCase(nameof(LeadershipOptions.LeaseDuration), "2.00:00:00", "Bridge:Leadership:LeaseDuration must be at most one day")]
    [TestCase(nameof(LeadershipOptions.RenewDeadline), "00:00:15", "Bridge:Leadership:RenewDeadline (00:00:15) must be shorter than Bridge:Leadership:LeaseDuration (00:00:15)")]
    [TestCase(nameof(LeadershipOptions.RenewDeadline), "-00:00:01", "Bridge:Leadership:RenewDeadline must be a positive duration")]
    [TestCase(nameof(LeadershipOptions.RetryPeriod), "00:00:10", "Bridge:Leadership:RetryPeriod (00:00:10) must be shorter than Bridge:Leadership:RenewDeadline (00:00:10)")]
    [TestCase(nameof(LeadershipOptions.Identity), "two words", "Bridge:Leadership:Identity contains white space or control characters")]
    public void Validate_BadValue_NamesTheKey(string property, string value, string expected)
    {
        var options = Bind(new() { [$"Bridge:Leadership:{property}"] = value });

        var result = new LeadershipOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Some.StartsWith(expected));
    }

    [Test]
    public void Validate_UnknownModeNumber_NamesTheKey()
    {
        var result = new LeadershipOptionsValidator().Validate(null, new LeadershipOptions { Mode = (LeadershipMode)7 });

        Assert.That(result.FailureMessage, Does.Contain("Bridge:Leadership:Mode must be auto, lease or file"));
    }

    [Test]
    public void AddLeadership_ModeThatIsNoMode_FailsAtStartNamingTheKey()
    {
        using var provider = Register(new() { ["Bridge:Leadership:Mode"] = "sometimes" }, LeadershipMode.Lease, LeadershipMode.File);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("'Bridge:Leadership:Mode'"));
    }

    [TestCase("lease", LeadershipMode.Lease)]
    [TestCase("file", LeadershipMode.File)]
    [TestCase("Lease", LeadershipMode.Lease)]
    public void AddLeadership_BothGuardsProvided_ResolvesTheConfiguredOne(string mode, LeadershipMode expected)
    {
        using var provider = Register(new() { ["Bridge:Leadership:Mode"] = mode }, LeadershipMode.Lease, LeadershipMode.File);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.That(provider.GetRequiredService<IActiveGuard>().Identity, Is.EqualTo(expected.ToString()));
    }

    [Test]
    public void AddLeadership_Auto_ResolvesWhatTheRuleSaysForThisEnvironment()
    {
        using var provider = Register([], LeadershipMode.Lease, LeadershipMode.File);

        Assert.That(provider.GetRequiredService<IActiveGuard>().Identity, Is.EqualTo(LeadershipSelection.Resolve(LeadershipMode.Auto).ToString()));
    }

    [Test]
    public void AddLeadership_ChosenGuardNotProvided_FailsAtStartSayingWhich()
    {
        using var provider = Register(new() { ["Bridge:Leadership:Mode"] = "lease" }, LeadershipMode.File);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Is.EqualTo("Bridge:Leadership:Mode is lease: a Kubernetes Lease, which this program does not provide (AddLeaseGuard was not called)."));
    }

    [Test]
    public void AddActiveGuard_Auto_IsRefused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddActiveGuard(LeadershipMode.Auto, new ConfigurationBuilder().Build(), _ => Mock.Of<IActiveGuard>()));
    }

    private static LeadershipOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new LeadershipOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(LeadershipOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>A container with a stand-in guard for each of <paramref name="provided"/>, named after its mode.</summary>
    private static ServiceProvider Register(Dictionary<string, string?> settings, params LeadershipMode[] provided)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        foreach (var mode in provided)
        {
            services.AddActiveGuard(mode, configuration, _ => Mock.Of<IActiveGuard>(g => g.Identity == mode.ToString()));
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

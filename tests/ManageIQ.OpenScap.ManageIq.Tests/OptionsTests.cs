using ManageIQ.OpenScap.ManageIq.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Tests;

public sealed class OptionsTests
{
    private const string Secret = "Opt10ns-S3cret!";

    [Test]
    public void Validate_NoCredentials_FailsNamingWhatIsMissing()
    {
        var result = new ManageIqClientOptionsValidator(_ => null).Validate(null, new ManageIqClientOptions { BaseUrl = new Uri("https://miq.example.test") });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("ManageIq needs credentials"));
    }

    [Test]
    public void Validate_CredentialsFromEnvironment_Succeeds()
    {
        var environment = new Dictionary<string, string> { ["MANAGEIQ_USER"] = "admin", ["MANAGEIQ_PASSWORD"] = Secret };
        var options = new ManageIqClientOptions { BaseUrl = new Uri("https://miq.example.test") };
        Assert.That(new ManageIqClientOptionsValidator(environment.GetValueOrDefault).Validate(null, options).Succeeded, Is.True);
        var credentials = ManageIqCredentials.Resolve(options, environment.GetValueOrDefault);
        Assert.That((credentials.User, credentials.Password), Is.EqualTo(("admin", Secret)));
        Assert.That(credentials.ToString(), Does.Not.Contain(Secret));
    }

    [TestCase("ftp://miq.example.test", "BaseUrl must be an absolute http or https URL")]
    [TestCase("https://miq.example.test", "contradict each other")]
    public void Validate_BadSettings_FailsWithSpecificMessage(string url, string expected)
    {
        var options = new ManageIqClientOptions
        {
            BaseUrl = new Uri(url),
            User = "admin",
            Password = Secret,
            SkipTlsVerification = expected.Contains("contradict", StringComparison.Ordinal),
            CaBundleFile = expected.Contains("contradict", StringComparison.Ordinal) ? typeof(OptionsTests).Assembly.Location : null,
        };
        var result = new ManageIqClientOptionsValidator(_ => null).Validate(null, options);
        Assert.That(result.FailureMessage, Does.Contain(expected).And.Not.Contain(Secret));
    }

    [Test]
    public void Validate_MissingPasswordFile_FailsNamingTheFile()
    {
        var options = new ManageIqClientOptions { BaseUrl = new Uri("https://miq.example.test"), User = "admin", PasswordFile = "/nonexistent/password" };
        Assert.That(new ManageIqClientOptionsValidator(_ => null).Validate(null, options).FailureMessage, Does.Contain("PasswordFile names a file that does not exist: /nonexistent/password"));
    }

    [TestCase(0)]
    [TestCase(1001)]
    public void AddManageIqClient_PageSizeOutOfRange_FailsValidation(int pageSize)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = "https://miq.example.test",
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = Secret,
            ["ManageIq:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var e = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ManageIqClientOptions>>().Value);
        Assert.That(e!.Message, Does.Contain("PageSize").And.Not.Contain(Secret));
    }

    [Test]
    public void AddManageIqClient_BoundFromConfiguration_ReadsEverySetting()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = "https://miq.example.test/api",
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = Secret,
            ["ManageIq:Group"] = "EvmGroup-administrator",
            ["ManageIq:RequestTimeout"] = "00:00:20",
            ["ManageIq:PageSize"] = "250",
        });
        var options = services.GetRequiredService<IOptions<ManageIqClientOptions>>().Value;
        Assert.That((options.Group, options.RequestTimeout, options.PageSize), Is.EqualTo(("EvmGroup-administrator", TimeSpan.FromSeconds(20), 250)));
        Assert.That(options.ToString(), Does.Not.Contain(Secret));
        Assert.That(services.GetRequiredService<IManageIqClient>(), Is.InstanceOf<ManageIqClient>());
    }

    [Test]
    public void AddManageIqClient_EachConcernsInterface_IsTheOneClient()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = "https://miq.example.test",
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = Secret,
        });
        var client = services.GetRequiredService<IManageIqClient>();

        Assert.That(
            new object[]
            {
                services.GetRequiredService<IManageIqInventoryClient>(), services.GetRequiredService<IManageIqCustomAttributesClient>(),
                services.GetRequiredService<IManageIqControlClient>(), services.GetRequiredService<IManageIqImageActionsClient>(),
            },
            Is.All.SameAs(client));
    }

    [Test]
    public void AddManageIqClient_SkipTlsVerification_WarnsAtStart()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = "https://miq.example.test",
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = Secret,
            ["ManageIq:SkipTlsVerification"] = "true",
        });
        _ = services.GetRequiredService<IManageIqClient>();
        var warning = services.GetFakeLogCollector().GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.Contain("TLS certificate verification is DISABLED for https://miq.example.test/"));
    }

    [TestCase("http://miq.example.test", "false", "refused")]
    [TestCase("http://miq.example.test", "true", "allowed by ManageIq:AllowPlainHttp")]
    [TestCase("http://127.0.0.1:3000", "false", "a loopback address")]
    [TestCase("http://localhost:3000", "false", "a loopback address")]
    public void AddManageIqClient_PlainHttp_RefusedUnlessLoopbackOrAllowedAndAlwaysWarned(string url, string allow, string verdict)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = url,
            ["ManageIq:User"] = "admin",
            ["ManageIq:Password"] = Secret,
            ["ManageIq:AllowPlainHttp"] = allow,
        });

        Action read = () => _ = services.GetRequiredService<IOptions<ManageIqClientOptions>>().Value;

        if (verdict == "refused")
        {
            Assert.That(read, Throws.TypeOf<OptionsValidationException>().With.Message.Contains("ManageIq:BaseUrl http://miq.example.test is plain HTTP").And.Message.Contains("ManageIq:AllowPlainHttp"));
        }
        else
        {
            Assert.That(read, Throws.Nothing);
        }

        var warning = services.GetFakeLogCollector().GetSnapshot().Single(r => r.Id.Id == 3010);
        Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warning.Message, Does.Contain(verdict).And.Contain("clear text").And.Not.Contain(Secret));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddManageIqClient(configuration.GetSection(ManageIqClientOptions.SectionName));
        return services.BuildServiceProvider();
    }
}

using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ManageIQ.OpenScap.Compliance.Tests.Enforcement;

/// <summary>A bridge with no cluster connection at all (the local backend, the demo) says so in one information line.</summary>
public sealed class UnconnectedImageEnforcerTests
{
    [Test]
    public async Task EnforceAsync_WithoutAnyCluster_SkipsWithOneInformationLine()
    {
        var logs = new FakeLogCollector();
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)))
            .AddCompliance(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        await services.GetRequiredService<IImageEnforcer>().EnforceAsync(
            new ImageEnforcementRequest("1", "sha256:" + new string('a', 64), EnforcementOptions.DefaultPolicyName, false, ScapSeverityCounts.Zero, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var line = logs.GetSnapshot().Single();
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Id.Id, Is.EqualTo(9550));
            Assert.That(line.Message, Does.Contain("the provider has no cluster connection"));
        });
    }
}

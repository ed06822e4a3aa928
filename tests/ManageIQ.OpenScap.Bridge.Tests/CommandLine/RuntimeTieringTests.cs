using System.Text.Json;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary>
/// The bridge's runtimeconfig.json keeps the tiering that makes one <c>report summarize</c> per ARF cheap
/// (docs/performance.md: without it the whole process took 2.6 times xmllint's time instead of about 1.1).
/// </summary>
public sealed class RuntimeTieringTests
{
    [Test]
    public void RuntimeConfig_HasTheShortRunTiering()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ManageIQ.OpenScap.Bridge.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean(), Is.False);
            Assert.That(properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32(), Is.Zero);
            Assert.That(properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32(), Is.EqualTo(8192));
        });
    }
}

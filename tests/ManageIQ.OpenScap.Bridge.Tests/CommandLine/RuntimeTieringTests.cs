using System.Text.Json;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary>
/// The bridge's and the inspector's runtimeconfig.json keep the tiering (src/ShortRunTiering.props) that makes one
/// summary per ARF cheap (docs/performance.md: without it the whole process took 2.6 times xmllint's time instead of about 1.1).
/// </summary>
public sealed class RuntimeTieringTests
{
    [TestCase("ManageIQ.OpenScap.Bridge")]
    [TestCase("ManageIQ.OpenScap.Inspector")]
    public void RuntimeConfig_HasTheShortRunTiering(string program)
    {
        var path = Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json");
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

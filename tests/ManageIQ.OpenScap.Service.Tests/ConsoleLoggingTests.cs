using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// The console logger of <c>serve</c>: one line per entry with its scopes by default (a formatter left unnamed makes
/// the console logger take its deprecated options, two lines each), and the file's <c>json</c> when it names it.
/// </summary>
public sealed class ConsoleLoggingTests
{
    [TestCase("{}", "simple")]
    [TestCase("""{ "Logging": { "Console": { "FormatterName": "json" } } }""", "json")]
    public void Serve_ConsoleFormatter_IsSingleLineSimpleUnlessTheFileChoosesJson(string file, string formatter)
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, file);

        using var app = BridgeServiceHost.Build(BridgeServiceHost.CreateBuilder(config, new Dictionary<string, string?>(), null));

        var simple = app.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        Assert.Multiple(() =>
        {
            Assert.That(app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName, Is.EqualTo(formatter));
            Assert.That((simple.SingleLine, simple.IncludeScopes), Is.EqualTo((true, true)));
        });
    }
}

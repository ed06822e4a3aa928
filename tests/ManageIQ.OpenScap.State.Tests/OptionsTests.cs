using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary><c>Bridge:StateDirectory</c>, <c>Bridge:History:*</c> and <c>Bridge:Outbox:*</c>: bound from configuration, errors naming the key.</summary>
public sealed class OptionsTests
{
    [Test]
    public void Bind_FullSection_ReadsEveryKey()
    {
        var options = Resolve(new Dictionary<string, string?>
        {
            ["Bridge:StateDirectory"] = "/var/lib/bridge",
            ["Bridge:History:MaxAge"] = "30.00:00:00",
            ["Bridge:History:MaxPerImage"] = "5",
            ["Bridge:History:CompactionInterval"] = "01:00:00",
            ["Bridge:Outbox:RetryBaseDelay"] = "00:00:10",
            ["Bridge:Outbox:RetryMaxDelay"] = "00:10:00",
        });
        Assert.That((options.StateDirectory, options.History.MaxAge, options.History.MaxPerImage, options.History.CompactionInterval, options.Outbox.RetryBaseDelay, options.Outbox.RetryMaxDelay),
            Is.EqualTo(("/var/lib/bridge", TimeSpan.FromDays(30), 5, TimeSpan.FromHours(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10))));
    }

    [TestCase(null, null, "Bridge:StateDirectory is required")]
    [TestCase("relative/state", null, "Bridge:StateDirectory must be an absolute path: relative/state")]
    [TestCase("/var/lib/bridge", "History:MaxAge=-1.00:00:00", "Bridge:History:MaxAge must be a positive duration")]
    [TestCase("/var/lib/bridge", "History:MaxPerImage=0", "Bridge:History:MaxPerImage must be at least 1")]
    [TestCase("/var/lib/bridge", "History:CompactionInterval=00:00:00", "Bridge:History:CompactionInterval must be a positive duration")]
    [TestCase("/var/lib/bridge", "Outbox:RetryBaseDelay=00:06:00", "Bridge:Outbox:RetryMaxDelay (00:05:00) must not be shorter than Bridge:Outbox:RetryBaseDelay (00:06:00)")]
    [TestCase("/var/lib/bridge", "Outbox:MaxEntriesPerPass=0", "Bridge:Outbox:MaxEntriesPerPass must be at least 1")]
    public void Validate_BadSetting_FailsAtStartNamingTheKey(string? directory, string? setting, string expected)
    {
        var values = new Dictionary<string, string?> { ["Bridge:StateDirectory"] = directory, ["Bridge:Outbox:RetryMaxDelay"] = "00:05:00" };
        if (setting is not null)
        {
            var (key, value) = (setting.Split('=')[0], setting.Split('=')[1]);
            values["Bridge:" + key] = value;
        }

        var e = Assert.Throws<OptionsValidationException>(() => Resolve(values));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Validate_StateDirectoryIsAFile_FailsNamingIt()
    {
        using var dir = new Testing.TempDirectory();
        var file = dir.Combine("state");
        File.WriteAllText(file, "x");
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?> { ["Bridge:StateDirectory"] = file }));
        Assert.That(e!.Message, Does.Contain($"Bridge:StateDirectory names a file, not a directory: {file}"));
    }

    [Test]
    public void AddStateStore_DirectoryFromConfiguration_OpensTheDatabaseThere()
    {
        using var dir = new Testing.TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:StateDirectory"] = dir.Combine("state") }).Build();
        using var services = new ServiceCollection().AddStateStore(configuration).BuildServiceProvider();
        Assert.That(services.GetRequiredService<IResultStore>(), Is.Not.Null);
        Assert.That(File.Exists(dir.Combine("state", "state.db")), Is.True);
    }

    private static StateStoreOptions Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddStateStore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<StateStoreOptions>>().Value;
    }
}

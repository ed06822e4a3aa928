using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary><c>Bridge:ProviderOverrides:&lt;id&gt;:Profile</c> and <c>:TailoringFile</c>: bound per provider, refused at start naming the key.</summary>
public sealed class ProviderScanContentsTests
{
    [Test]
    public void Bind_AProviderWithAProfileAndATailoring_IsTheOnlyOneWithContent()
    {
        using var directory = new TempDirectory();
        var file = directory.Combine("tailoring.xml");
        File.WriteAllText(file, "<Tailoring/>");
        using var services = Services(new()
        {
            ["Bridge:ProviderOverrides:3:Profile"] = "xccdf_org.example_profile_container",
            ["Bridge:ProviderOverrides:3:TailoringFile"] = file,
            ["Bridge:ProviderOverrides:4:Limit"] = "2",
        });

        var contents = services.GetRequiredService<IOptions<ProviderScanContents>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(contents.For("3")!.Profile, Is.EqualTo("xccdf_org.example_profile_container"));
            Assert.That(contents.For("3")!.TailoringFile, Is.EqualTo(file));
            Assert.That(contents.For("4"), Is.Null);
            Assert.That(contents.For(null), Is.Null);
        });
    }

    [TestCase("relative.xml")]
    [TestCase("/nonexistent/tailoring.xml")]
    public void Validate_ATailoringFileThatIsNotThere_IsRefusedNamingTheKey(string file)
    {
        using var services = Services(new() { ["Bridge:ProviderOverrides:3:TailoringFile"] = file });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ProviderScanContents>>().Value);

        Assert.That(error!.Message, Does.Contain($"Bridge:ProviderOverrides:3:TailoringFile must be an absolute path to an existing file: {file}"));
    }

    [Test]
    public void Validate_ABlankProfile_IsRefusedNamingTheKey()
    {
        using var services = Services(new() { ["Bridge:ProviderOverrides:3:Profile"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ProviderScanContents>>().Value);

        Assert.That(error!.Message, Does.Contain("Bridge:ProviderOverrides:3:Profile is blank."));
    }

    private static ServiceProvider Services(Dictionary<string, string?> values) =>
        new ServiceCollection().AddAnalysisOptions(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
}

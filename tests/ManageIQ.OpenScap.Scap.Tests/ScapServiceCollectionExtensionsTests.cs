using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap.Tests;

public sealed class ScapServiceCollectionExtensionsTests
{
    [Test]
    public void AddScapResults_Resolved_GivesOneReaderWithConfiguredLimits()
    {
        using var provider = new ServiceCollection().AddLogging().AddScapResults(o => o.MaxDepth = 64).BuildServiceProvider();

        var reader = provider.GetRequiredService<IScapResultReader>();

        Assert.Multiple(() =>
        {
            Assert.That(reader, Is.InstanceOf<ScapResultReader>());
            Assert.That(provider.GetRequiredService<IScapResultReader>(), Is.SameAs(reader));
            Assert.That(provider.GetRequiredService<IOptions<ScapReaderOptions>>().Value.MaxDepth, Is.EqualTo(64));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void AddScapResults_InvalidLimit_FailsAtHostStart(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddScapResults(o => o.MaxDepth = 0);
        using var host = builder.Build();

        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(cancellationToken));

        Assert.That(ex!.Message, Does.Contain("MaxDepth"));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images.Tests;

public class ImageAcquisitionServiceCollectionExtensionsTests
{
    [Test]
    public void AddImageAcquisition_Configured_ResolvesAcquirer()
    {
        using var provider = new ServiceCollection().AddImageAcquisition(o => o.MaxParallelDownloads = 2).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IImageAcquirer>(), Is.InstanceOf<ImageAcquirer>());
        Assert.That(provider.GetRequiredService<IOptions<ImageAcquisitionOptions>>().Value.MaxParallelDownloads, Is.EqualTo(2));
    }

    [TestCase(nameof(ImageAcquisitionOptions.RequestTimeout))]
    [TestCase(nameof(ImageAcquisitionOptions.BodyTimeout))]
    [TestCase(nameof(ImageAcquisitionOptions.BlobIdleTimeout))]
    public void AddImageAcquisition_ZeroTimeout_FailsValidationNamingTheKey(string key)
    {
        var property = typeof(ImageAcquisitionOptions).GetProperty(key)!;
        using var provider = new ServiceCollection().AddImageAcquisition(o => property.SetValue(o, TimeSpan.Zero)).BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<ImageAcquisitionOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains($"ImageAcquisition:{key} is 00:00:00"));
    }

    [Test]
    public void AddImageAcquisition_MalformedAuthServer_FailsValidationNamingTheEntry()
    {
        using var provider = new ServiceCollection()
            .AddImageAcquisition(o => o.AuthServers.Add(new RegistryAuthServer { Registry = "registry.example.com/path", AuthHost = "" }))
            .BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<ImageAcquisitionOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("ImageAcquisition:AuthServers:0:Registry")
                .And.Message.Contains("ImageAcquisition:AuthServers:0:AuthHost"));
    }
}

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

    [Test]
    public void AddImageAcquisition_InvalidOptions_FailValidation()
    {
        using var provider = new ServiceCollection().AddImageAcquisition(o => o.RequestTimeout = TimeSpan.Zero).BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<ImageAcquisitionOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(nameof(ImageAcquisitionOptions.RequestTimeout)));
    }
}

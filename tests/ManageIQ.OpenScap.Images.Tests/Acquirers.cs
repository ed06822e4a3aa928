using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images.Tests;

/// <summary>Acquirers with short retry delays for tests.</summary>
internal static class Acquirers
{
    public static ImageAcquirer Create(Action<ImageAcquisitionOptions>? configure = null)
    {
        var options = new ImageAcquisitionOptions { RetryDelay = TimeSpan.FromMilliseconds(20), RequestTimeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new ImageAcquirer(Options.Create(options), NullLogger<ImageAcquirer>.Instance, TimeProvider.System);
    }
}

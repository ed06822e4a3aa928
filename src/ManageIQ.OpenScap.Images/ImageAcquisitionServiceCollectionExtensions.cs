using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images;

public static class ImageAcquisitionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IImageAcquirer"/> with validated <see cref="ImageAcquisitionOptions"/>.
    /// Bind the options yourself (<c>services.AddOptions&lt;ImageAcquisitionOptions&gt;().Bind(...)</c>) or pass <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddImageAcquisition(this IServiceCollection services, Action<ImageAcquisitionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ImageAcquisitionOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImageAcquisitionOptions>, ImageAcquisitionOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IImageAcquirer, ImageAcquirer>();
        return services;
    }
}

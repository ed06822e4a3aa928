using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Registers the SCAP results reader.</summary>
public static class ScapServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IScapResultReader"/> (a singleton) and its validated <see cref="ScapReaderOptions"/>.
    /// Bind the options to configuration section <see cref="ScapReaderOptions.SectionName"/> with <paramref name="configure"/> or
    /// <c>services.Configure&lt;ScapReaderOptions&gt;(...)</c>.
    /// </summary>
    public static IServiceCollection AddScapResults(this IServiceCollection services, Action<ScapReaderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ScapReaderOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IScapResultReader, ScapResultReader>();
        return services;
    }
}

using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Inventory: container providers and container images. Failures are <see cref="Errors.ManageIqException"/>s, as for <see cref="IManageIqClient"/>.</summary>
public interface IManageIqInventoryClient
{
    /// <summary>OpenShift and Kubernetes container providers, the ones that can scan images.</summary>
    IAsyncEnumerable<ContainerProvider> GetContainerProvidersAsync(CancellationToken cancellationToken = default);

    /// <summary>Container images, paged (at most 1000 per request) as they are enumerated.</summary>
    IAsyncEnumerable<ContainerImage> GetContainerImagesAsync(ContainerImageQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The custom attributes of every image the query lists (<c>attributes=custom_attributes</c>), paged as
    /// <see cref="GetContainerImagesAsync"/>: how a lost state store recovers the last results from ManageIQ.
    /// </summary>
    IAsyncEnumerable<ImageCustomAttributes> GetContainerImageAttributesAsync(ContainerImageQuery? query = null, CancellationToken cancellationToken = default);

    Task<ContainerImage> GetContainerImageAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>The image and every custom attribute of it, in one request: what publishing a result starts from.</summary>
    Task<ContainerImageWithAttributes> GetContainerImageWithAttributesAsync(long imageId, CancellationToken cancellationToken = default);
}

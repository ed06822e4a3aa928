using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.ManageIq.Querying;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Discovery: container providers and their images.</summary>
public sealed partial class ManageIqClient
{
    private static readonly string[] ProviderAttributes = ["name", "type", "guid", "zone_id", "enabled", "last_refresh_date", "last_refresh_error", "options"];

    /// <summary>Physical columns plus the registry association: ManageIQ then renders exactly these keys.</summary>
    private static readonly string[] ImageAttributes =
    [
        "name", "tag", "digest", "image_ref", "ems_id", "container_image_registry_id", "type", "architecture",
        "last_scan_attempt_on", "last_sync_on", "registered_on", "created_on", "deleted_on", "container_image_registry",
    ];

    public IAsyncEnumerable<ContainerProvider> GetContainerProvidersAsync(CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder()
            .ExpandResources()
            .Attributes(ProviderAttributes)
            .Filter(FilterValue.Equal("type", ContainerProviderTypes.Openshift))
            .Filter("or " + FilterValue.Equal("type", ContainerProviderTypes.Kubernetes))
            .Sort("id", descending: false)
            .Build();
        return PageAsync<ContainerProvider>("api/providers", query, cancellationToken);
    }

    public IAsyncEnumerable<ContainerImage> GetContainerImagesAsync(ContainerImageQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ContainerImageQuery();
        var builder = new QueryBuilder().ExpandResources().Attributes(ImageAttributes);
        if (query.ProviderId is { } provider)
        {
            builder.Filter("ems_id=" + Id(provider));
        }

        if (!query.IncludeArchived)
        {
            builder.Filter("deleted_on=NULL");
        }

        foreach (var filter in query.Filters)
        {
            builder.Filter(filter);
        }

        builder.Sort(query.SortBy, query.Descending);
        return PageAsync<ContainerImage>("api/container_images", builder.Build(), cancellationToken);
    }

    public async Task<ContainerImage> GetContainerImageAsync(long imageId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get($"api/container_images/{Id(imageId)}", new KeyValuePair<string, string>("attributes", string.Join(",", ImageAttributes)));
        return Json.To<ContainerImage>(await _connection.SendAsync(request, cancellationToken), request.Describe);
    }

    public async Task<ContainerImageWithAttributes> GetContainerImageWithAttributesAsync(long imageId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get(
            $"api/container_images/{Id(imageId)}",
            new KeyValuePair<string, string>("attributes", string.Join(",", ImageAttributes)),
            new KeyValuePair<string, string>("expand", "custom_attributes"));
        var answer = await _connection.SendAsync(request, cancellationToken);
        var image = Json.To<ContainerImage>(answer, request.Describe);
        return new ContainerImageWithAttributes(image, EmbeddedAttributes(answer, request));
    }
}

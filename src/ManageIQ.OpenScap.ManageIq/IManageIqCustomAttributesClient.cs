using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Custom attributes of container images: read, upsert, edit, delete. Failures are <see cref="Errors.ManageIqException"/>s, as for <see cref="IManageIqClient"/>.</summary>
public interface IManageIqCustomAttributesClient
{
    /// <summary>Every custom attribute of the image, in all sections, in one request.</summary>
    Task<IReadOnlyList<CustomAttribute>> GetCustomAttributesAsync(long imageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or updates (ManageIQ's upsert by name) all the attributes in one POST. Being an upsert, it is retried
    /// like a read after a 502/503/504, a time-out or a dropped connection.
    /// </summary>
    Task<IReadOnlyList<CustomAttribute>> AddCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeInput> attributes, CancellationToken cancellationToken = default);

    /// <summary>Edits the attribute with this name; null when the image has none of that name.</summary>
    Task<CustomAttribute?> EditCustomAttributeAsync(long imageId, CustomAttributeInput attribute, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes attributes by name or href in one POST; returns how many ManageIQ deleted. A delete naming
    /// attributes only by name is retried like a read; one naming an href is not.
    /// </summary>
    Task<int> DeleteCustomAttributesAsync(long imageId, IReadOnlyCollection<CustomAttributeReference> attributes, CancellationToken cancellationToken = default);
}

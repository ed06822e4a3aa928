using System.Collections.Concurrent;
using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>
/// The live images of the last listing of each provider. Discovery uses it to tell new images from known ones; the
/// dispatcher scans from it when ManageIQ cannot be read, so scanning goes on while ManageIQ is down.
/// </summary>
public sealed class ImageCatalog
{
    private readonly ConcurrentDictionary<long, ContainerImage> _images = new();
    private readonly ConcurrentDictionary<long, HashSet<long>> _byProvider = new();

    public bool Knows(long imageId) => _images.ContainsKey(imageId);

    public ContainerImage? Find(long imageId) => _images.GetValueOrDefault(imageId);

    /// <summary>Replaces the provider's images with a complete listing; returns the ids that left it.</summary>
    public IReadOnlyList<long> Replace(long providerId, IReadOnlyCollection<ContainerImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var ids = images.Select(i => i.Id).ToHashSet();
        var gone = _byProvider.TryGetValue(providerId, out var before) ? [.. before.Where(id => !ids.Contains(id))] : new List<long>();
        foreach (var image in images)
        {
            _images[image.Id] = image;
        }

        foreach (var id in gone)
        {
            _images.TryRemove(id, out _);
        }

        _byProvider[providerId] = ids;
        return gone;
    }

    /// <summary>The provider left the selection or ManageIQ: its images leave the catalog; returns their ids.</summary>
    public IReadOnlyList<long> RemoveProvider(long providerId)
    {
        if (!_byProvider.TryRemove(providerId, out var ids))
        {
            return [];
        }

        foreach (var id in ids)
        {
            _images.TryRemove(id, out _);
        }

        return [.. ids];
    }

    public IReadOnlyCollection<long> Providers => [.. _byProvider.Keys];

    public IReadOnlyList<ContainerImage> ImagesOf(long providerId) =>
        _byProvider.TryGetValue(providerId, out var ids) ? [.. ids.Select(Find).OfType<ContainerImage>()] : [];
}

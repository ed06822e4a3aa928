using ManageIQ.OpenScap.Images.Manifests;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>One kind of image source: resolves the image, then hands out verified layer files.</summary>
internal interface IImageSourceReader : IDisposable
{
    /// <summary>True when layer files are copies in the work directory that may be deleted after unpacking.</summary>
    bool LayersAreCopies { get; }

    Task<ResolvedImage> ResolveAsync(CancellationToken cancellationToken);

    /// <summary>Returns the path of the layer's content, checked against its digest and size.</summary>
    Task<string> FetchLayerAsync(Descriptor layer, Action<long> bytesDone, CancellationToken cancellationToken);
}

using ManageIQ.OpenScap.Images.Manifests;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>An OCI image layout directory (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>).</summary>
internal sealed class OciLayoutImageSource(string layoutPath, string? tag, ImageAcquisitionRequest request, ImageAcquisitionOptions options) : IImageSourceReader
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public bool LayersAreCopies => false;

    public Task<ResolvedImage> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(layoutPath, "oci-layout")) || !File.Exists(Path.Combine(layoutPath, "index.json")))
        {
            throw new SourceException(ImageAcquisitionFailure.NotFound, $"'{layoutPath}' is not an OCI image layout (no oci-layout or index.json)");
        }

        var index = ParseIndex(ReadLimited(Path.Combine(layoutPath, "index.json")));
        var selected = SelectByTag(index);
        var content = ReadBlob(selected);
        var manifest = ManifestParser.ParseManifest(content, selected.MediaType);
        var manifestDigest = selected.Digest;
        for (var depth = 0; MediaTypes.IsIndex(manifest.MediaType); depth++)
        {
            if (depth == 2)
            {
                throw new ManifestException("image indexes are nested too deeply");
            }

            var entry = ImageResolution.SelectFromIndex(manifest, request.Platform);
            content = ReadBlob(entry);
            manifest = ManifestParser.ParseManifest(content, entry.MediaType);
            manifestDigest = entry.Digest;
        }

        var config = ReadBlob(manifest.Config!);
        return Task.FromResult(ImageResolution.Complete(manifest, manifest.Config!.Digest, config, manifestDigest, [], request.Platform, request.Limits));
    }

    public async Task<string> FetchLayerAsync(Descriptor layer, Action<long> bytesDone, CancellationToken cancellationToken)
    {
        var path = BlobPath(layer.Digest);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SourceException(ImageAcquisitionFailure.NotFound, $"layer blob {layer.Digest} is missing from the layout");
        }

        if (info.Length != layer.Size)
        {
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch, $"layer blob {layer.Digest} has {info.Length} bytes, not the {layer.Size} its descriptor gives");
        }

        var actual = await Digests.Sha256Async(path, cancellationToken);
        if (actual != layer.Digest)
        {
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch, $"layer blob {layer.Digest} hashes to {actual}");
        }

        bytesDone(info.Length);
        return path;
    }

    public void Dispose()
    {
    }

    private static ManifestDocument ParseIndex(byte[] content)
    {
        var index = ManifestParser.Deserialize<ManifestDocument>(content, "layout index.json");
        if (index.Manifests is not { Count: > 0 })
        {
            throw new ManifestException("the layout's index.json lists no manifests");
        }

        return ManifestParser.ParseManifest(content, MediaTypes.OciIndex);
    }

    private Descriptor SelectByTag(ManifestDocument index)
    {
        var entries = index.Manifests!;
        if (tag is not null)
        {
            return entries.FirstOrDefault(m => m.Annotations?.GetValueOrDefault(RefNameAnnotation) == tag)
                ?? throw new SourceException(ImageAcquisitionFailure.NotFound, $"the layout has no image tagged '{tag}' (tags: {Tags(entries)})");
        }

        return entries.Count == 1 ? entries[0]
            : throw new SourceException(ImageAcquisitionFailure.InvalidRequest, $"the layout holds {entries.Count} images; name one with oci:PATH:TAG (tags: {Tags(entries)})");
    }

    private static string Tags(IEnumerable<Descriptor> entries) =>
        string.Join(", ", entries.Select(m => m.Annotations?.GetValueOrDefault(RefNameAnnotation)).Where(t => t is not null));

    private byte[] ReadBlob(Descriptor descriptor)
    {
        var path = BlobPath(descriptor.Digest);
        if (!File.Exists(path))
        {
            throw new SourceException(ImageAcquisitionFailure.NotFound, $"blob {descriptor.Digest} is missing from the layout");
        }

        var content = ReadLimited(path);
        var actual = Digests.Sha256(content);
        if (actual != descriptor.Digest || content.Length != descriptor.Size)
        {
            throw new SourceException(ImageAcquisitionFailure.DigestMismatch,
                $"blob {descriptor.Digest} ({descriptor.Size} bytes) is {content.Length} bytes hashing to {actual}");
        }

        return content;
    }

    private byte[] ReadLimited(string path)
    {
        var length = new FileInfo(path).Length;
        return length > options.MaxManifestBytes
            ? throw new SourceException(ImageAcquisitionFailure.LimitExceeded, $"'{Path.GetFileName(path)}' is larger than {options.MaxManifestBytes} bytes")
            : File.ReadAllBytes(path);
    }

    private string BlobPath(string digest) => Path.Combine(layoutPath, "blobs", "sha256", Digests.Hex(digest));
}

using System.Formats.Tar;
using System.IO.Compression;
using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>
/// A <c>docker save</c> archive (optionally gzip- or zstd-compressed). Its members are copied,
/// under numbered names, into a staging directory in one pass, since <c>manifest.json</c> usually
/// comes last; layers are then checked against the configuration's diff_ids while unpacking.
/// </summary>
internal sealed class DockerArchiveImageSource(string archivePath, string? wanted, string stagingDirectory, ImageAcquisitionRequest request, ImageAcquisitionOptions options) : IImageSourceReader
{
    private readonly Dictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _layerFiles = new(StringComparer.Ordinal);

    public bool LayersAreCopies => true;

    public async Task<ResolvedImage> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath))
        {
            throw new SourceException(ImageAcquisitionFailure.NotFound, $"docker archive '{archivePath}' does not exist");
        }

        try
        {
            await StageAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or LayerException { Failure: ImageAcquisitionFailure.UnsafeLayer })
        {
            throw new SourceException(ImageAcquisitionFailure.InvalidManifest, $"'{archivePath}' is not a valid docker archive: {ex.Message}", ex);
        }

        var entries = ManifestParser.Deserialize<List<DockerArchiveManifestEntry>>(ReadMember("manifest.json"), "archive manifest.json");
        var entry = Select(entries);
        if (entry.Config is null || entry.Layers is null)
        {
            throw new ManifestException("the archive's manifest.json entry lacks Config or Layers");
        }

        var configContent = ReadMember(entry.Config);
        var configDigest = Digests.Sha256(configContent);
        var config = ManifestParser.ParseConfig(configContent);
        var diffIds = config.RootFs?.DiffIds ?? throw new ManifestException("the archive's image configuration has no rootfs.diff_ids");
        if (diffIds.Count != entry.Layers.Count)
        {
            throw new ManifestException($"the configuration lists {diffIds.Count} diff_ids for {entry.Layers.Count} layers");
        }

        var layers = new List<Descriptor>();
        for (var i = 0; i < entry.Layers.Count; i++)
        {
            var file = MemberPath(entry.Layers[i]);
            _layerFiles[diffIds[i]] = file;
            layers.Add(new Descriptor { Digest = diffIds[i], Size = new FileInfo(file).Length, MediaType = "application/vnd.docker.image.rootfs.diff.tar" });
        }

        return ImageResolution.Check(configDigest, config, layers, null, [], request.Platform, request.Limits);
    }

    public Task<string> FetchLayerAsync(Descriptor layer, Action<long> bytesDone, CancellationToken cancellationToken)
    {
        // The unpacker checks the layer against its diff_id (layer.Digest here).
        bytesDone(layer.Size);
        return Task.FromResult(_layerFiles[layer.Digest]);
    }

    public void Dispose()
    {
    }

    private async Task StageAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stagingDirectory);
        await using var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024);
        var head = new byte[4];
        var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        await using Stream archive = headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B ? new GZipStream(file, CompressionMode.Decompress)
            : headLength == 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD ? new ZstdSharp.DecompressionStream(file)
            : file;
        await using var headers = new TarHeaderGuard(archive, request.Limits.MaxHeaderRecordBytes);
        await using var reader = new TarReader(headers);
        long total = 0;
        var budget = new UnpackBudget(request.Limits);
        while (await TarEntries.NextAsync(reader, "the archive", cancellationToken) is { } member)
        {
            budget.CountEntry();
            var name = Normalize(member.Name);
            if (name is null)
            {
                continue;
            }

            // Member and link names are remembered until the layers are read.
            budget.Track(name);

            if (member.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
            {
                var target = member.EntryType == TarEntryType.HardLink ? member.LinkName : Path.Combine(Path.GetDirectoryName(name) ?? string.Empty, member.LinkName);
                if (Normalize(target) is { } normalized)
                {
                    _links[name] = normalized;
                }

                continue;
            }

            if (member.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || member.DataStream is null)
            {
                continue;
            }

            if (member.Length > request.Limits.MaxDownloadBytes - total)
            {
                throw new SourceException(ImageAcquisitionFailure.LimitExceeded, $"the archive holds more than {request.Limits.MaxDownloadBytes} bytes (limit MaxDownloadBytes)");
            }

            total += member.Length;

            var staged = Path.Combine(stagingDirectory, _members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await using (var output = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                await member.DataStream.CopyToAsync(output, 256 * 1024, cancellationToken);
            }

            _members[name] = staged;
        }
    }

    private DockerArchiveManifestEntry Select(List<DockerArchiveManifestEntry> entries)
    {
        if (wanted is null)
        {
            return entries.Count == 1 ? entries[0]
                : throw new SourceException(ImageAcquisitionFailure.InvalidRequest,
                    $"the archive holds {entries.Count} images; name one with docker-archive:PATH:REFERENCE");
        }

        var wantedReference = ImageReference.TryParse(wanted, out var parsed) ? parsed.ToString() : wanted;
        return entries.FirstOrDefault(e => e.RepoTags?.Any(t => t == wanted || (ImageReference.TryParse(t, out var r) && r.ToString() == wantedReference)) == true)
            ?? throw new SourceException(ImageAcquisitionFailure.NotFound, $"the archive has no image tagged '{wanted}'");
    }

    private byte[] ReadMember(string name)
    {
        var path = MemberPath(name);
        return new FileInfo(path).Length > options.MaxManifestBytes
            ? throw new SourceException(ImageAcquisitionFailure.LimitExceeded, $"archive member '{name}' is larger than {options.MaxManifestBytes} bytes")
            : File.ReadAllBytes(path);
    }

    private string MemberPath(string name)
    {
        var normalized = Normalize(name) ?? throw new ManifestException($"archive member name '{name}' is invalid");
        for (var hops = 0; hops < 16 && _links.TryGetValue(normalized, out var target); hops++)
        {
            normalized = target;
        }

        return _members.TryGetValue(normalized, out var path) ? path
            : throw new SourceException(ImageAcquisitionFailure.InvalidManifest, $"the archive lacks member '{name}'");
    }

    /// <summary>A member name without <c>./</c>; null for names with <c>..</c> or none at all.</summary>
    private static string? Normalize(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}

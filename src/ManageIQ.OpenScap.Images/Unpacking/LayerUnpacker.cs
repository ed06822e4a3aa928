using System.Buffers;
using System.Formats.Tar;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Applies image layers, in order, to one root filesystem. Every path is resolved with
/// <see cref="RootedPath"/> semantics, so neither entry names, nor link targets, nor links already
/// unpacked can make a write land outside the root. Symbolic links are stored as written (they
/// mean the image's own files); hard links must name a file inside the root; device nodes and
/// FIFOs are skipped; setuid and setgid bits are dropped; owners are kept only when running privileged.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class LayerUnpacker
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";
    private const int CopyBufferBytes = 256 * 1024;
    private const UnixFileMode DroppedBits = UnixFileMode.SetUser | UnixFileMode.SetGroup;
    private const UnixFileMode PermissionBits = (UnixFileMode)0xFFF;

    private readonly string _root;
    private readonly UnpackBudget _budget;
    private readonly bool _keepOwners;
    private readonly Dictionary<string, string> _directoryCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectoryMetadata> _directoryMetadata = new(StringComparer.Ordinal);

    public LayerUnpacker(string root, UnpackBudget budget, bool keepOwners)
    {
        Directory.CreateDirectory(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _budget = budget;
        _keepOwners = keepOwners;
    }

    /// <summary>Bytes of file content written.</summary>
    public long FileBytes { get; private set; }

    /// <summary>Device nodes, FIFOs and unknown entry types left out.</summary>
    public long SkippedEntries { get; private set; }

    /// <summary>
    /// Unpacks one layer file (tar, tar+gzip or tar+zstd). When <paramref name="diffId"/> is given,
    /// the uncompressed stream must hash to it.
    /// </summary>
    public void Unpack(string layerPath, string? diffId, CancellationToken cancellationToken)
    {
        using var file = new FileStream(layerPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024);
        Span<byte> head = stackalloc byte[6];
        var headLength = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        var compressed = new CountingStream(file);
        using var decompressed = LayerCompression.Open(head[..headLength], compressed);
        using var hash = diffId is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var guarded = new GuardedLayerStream(decompressed, compressed, _budget, hash);
        var layer = new LayerState();
        try
        {
            using var reader = new TarReader(guarded, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _budget.CountEntry();
                Apply(entry, layer);
            }

            guarded.DrainToEnd();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or ZstdSharp.ZstdException)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, "the layer is not a valid (compressed) tar archive: " + ex.Message, ex);
        }

        ApplyOpaqueWhiteouts(layer);
        if (hash is not null)
        {
            var actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, diffId, StringComparison.Ordinal))
            {
                throw new LayerException(ImageAcquisitionFailure.DigestMismatch,
                    $"the uncompressed layer hashes to {actual}, not to the diff_id {diffId} of the image configuration");
            }
        }
    }

    /// <summary>Sets directory permissions and times last, so read-only directories could be filled first.</summary>
    public void Complete()
    {
        foreach (var (hostPath, metadata) in _directoryMetadata)
        {
            // Only a path that still is a real directory reached without links may be touched:
            // a later layer may have replaced it, or a parent, with a symbolic link.
            var relative = hostPath.Length == _root.Length ? string.Empty : hostPath[(_root.Length + 1)..];
            if (!Directory.Exists(hostPath) || new DirectoryInfo(hostPath).LinkTarget is not null
                || ResolveInRoot(relative) != hostPath)
            {
                continue;
            }

            File.SetUnixFileMode(hostPath, metadata.Mode);
            Directory.SetLastWriteTimeUtc(hostPath, metadata.ModifiedUtc);
        }

        _directoryMetadata.Clear();
    }

    private void Apply(TarEntry entry, LayerState layer)
    {
        var parts = SplitEntryName(entry.Name, "entry name");
        if (parts.Length == 0)
        {
            return;
        }

        var leaf = parts[^1];
        var parentRelative = string.Join('/', parts, 0, parts.Length - 1);
        if (leaf.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            ApplyWhiteout(parentRelative, leaf, layer);
            return;
        }

        switch (entry.EntryType)
        {
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                WriteFile(entry, parentRelative, leaf);
                break;
            case TarEntryType.Directory:
                WriteDirectory(entry, parentRelative, leaf);
                break;
            case TarEntryType.SymbolicLink:
                WriteSymbolicLink(entry, parentRelative, leaf);
                break;
            case TarEntryType.HardLink:
                WriteHardLink(entry, parentRelative, leaf);
                break;
            default:
                SkippedEntries++;
                return;
        }

        layer.Record(parts);
    }

    private void WriteFile(TarEntry entry, string parentRelative, string leaf)
    {
        _budget.EnsureRoomFor(entry.Length);
        var path = PrepareTarget(parentRelative, leaf, keepDirectory: false);
        var mode = (entry.Mode & PermissionBits) & ~DroppedBits;
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None,
            entry.Length > 4 * 1024 * 1024 ? entry.Length : 0))
        {
            if (entry.DataStream is { } data && entry.Length > 0)
            {
                CopyData(data, handle);
            }

            File.SetUnixFileMode(handle, mode);
            File.SetLastWriteTimeUtc(handle, ClampTime(entry.ModificationTime));
        }

        FileBytes += entry.Length;
        KeepOwner(path, entry);
    }

    private static void CopyData(Stream data, Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            long offset = 0;
            int read;
            while ((read = data.Read(buffer, 0, buffer.Length)) > 0)
            {
                RandomAccess.Write(handle, buffer.AsSpan(0, read), offset);
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteDirectory(TarEntry entry, string parentRelative, string leaf)
    {
        var path = PrepareTarget(parentRelative, leaf, keepDirectory: true);
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
        }

        _directoryMetadata[path] = new DirectoryMetadata((entry.Mode & PermissionBits) & ~DroppedBits, ClampTime(entry.ModificationTime));
        KeepOwner(path, entry);
    }

    private void WriteSymbolicLink(TarEntry entry, string parentRelative, string leaf)
    {
        var target = entry.LinkName;
        if (string.IsNullOrEmpty(target) || target.Contains('\0', StringComparison.Ordinal))
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"symbolic link '{entry.Name}' has an empty or invalid target");
        }

        var path = PrepareTarget(parentRelative, leaf, keepDirectory: false);
        File.CreateSymbolicLink(path, target);
        KeepOwner(path, entry);
    }

    private void WriteHardLink(TarEntry entry, string parentRelative, string leaf)
    {
        var targetParts = SplitEntryName(entry.LinkName, "hard link target");
        if (targetParts.Length == 0)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"hard link '{entry.Name}' has an empty target");
        }

        var sourceParent = ResolveInRoot(string.Join('/', targetParts, 0, targetParts.Length - 1));
        var source = sourceParent + "/" + targetParts[^1];
        var kind = Probe(source);
        if (kind is not (EntryKind.File or EntryKind.SymbolicLink))
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer,
                $"hard link '{entry.Name}' points to '{entry.LinkName}', which is {(kind == EntryKind.None ? "not in the image" : "a directory")}");
        }

        if (EnsureDirectory(parentRelative) + "/" + leaf == source)
        {
            // A link to itself: the file is already there.
            return;
        }

        var path = PrepareTarget(parentRelative, leaf, keepDirectory: false);
        if (NativeMethods.Link(source, path) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (kind == EntryKind.SymbolicLink)
            {
                throw new IOException($"link('{entry.LinkName}', '{entry.Name}') failed with errno {error}");
            }

            // A file system that refuses hard links still gets the content.
            File.Copy(source, path);
        }
    }

    /// <summary>
    /// Resolves the parent inside the root (creating it), and clears the name: an existing file or
    /// link is removed (never written through), an existing directory is kept when wanted.
    /// </summary>
    private string PrepareTarget(string parentRelative, string leaf, bool keepDirectory)
    {
        var parent = EnsureDirectory(parentRelative);
        var path = parent + "/" + leaf;
        var kind = Probe(path);
        if (kind == EntryKind.None || (kind == EntryKind.Directory && keepDirectory))
        {
            return path;
        }

        Remove(path, kind);
        return path;
    }

    private string EnsureDirectory(string relative)
    {
        if (relative.Length == 0)
        {
            return _root;
        }

        if (_directoryCache.TryGetValue(relative, out var cached))
        {
            return cached;
        }

        var resolved = ResolveInRoot(relative);
        try
        {
            Directory.CreateDirectory(resolved);
        }
        catch (IOException ex)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"cannot create directory '{relative}': a part of it is not a directory", ex);
        }

        _directoryCache[relative] = resolved;
        return resolved;
    }

    private void ApplyWhiteout(string parentRelative, string leaf, LayerState layer)
    {
        if (leaf == OpaqueWhiteout)
        {
            layer.OpaqueDirectories.Add(parentRelative);
            return;
        }

        var victim = leaf[WhiteoutPrefix.Length..];
        if (victim.Length == 0 || victim == "." || victim == ".." || victim.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            // .wh..wh.* are aufs bookkeeping entries, not whiteouts.
            return;
        }

        var victimRelative = parentRelative.Length == 0 ? victim : parentRelative + "/" + victim;
        if (layer.Created.Contains(victimRelative))
        {
            return;
        }

        var parent = ResolveInRoot(parentRelative);
        var path = parent + "/" + victim;
        var kind = Probe(path);
        if (kind != EntryKind.None)
        {
            Remove(path, kind);
        }
    }

    private void ApplyOpaqueWhiteouts(LayerState layer)
    {
        foreach (var relative in layer.OpaqueDirectories)
        {
            var directory = ResolveInRoot(relative);
            if (Probe(directory) == EntryKind.Directory)
            {
                ClearLowerEntries(directory, relative, layer);
            }
        }
    }

    private void ClearLowerEntries(string directory, string relative, LayerState layer)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetFileName(child);
            var childRelative = relative.Length == 0 ? name : relative + "/" + name;
            var kind = Probe(child);
            if (layer.Created.Contains(childRelative) || layer.Ancestors.Contains(childRelative))
            {
                if (kind == EntryKind.Directory)
                {
                    ClearLowerEntries(child, childRelative, layer);
                }

                continue;
            }

            Remove(child, kind);
        }
    }

    private void Remove(string path, EntryKind kind)
    {
        if (kind == EntryKind.Directory)
        {
            RootFileSystem.Delete(path);
            InvalidateDirectories();
        }
        else
        {
            File.Delete(path);
            if (kind == EntryKind.SymbolicLink)
            {
                InvalidateDirectories();
            }
        }
    }

    private string ResolveInRoot(string relative)
    {
        try
        {
            return RootedPath.Resolve(_root, relative);
        }
        catch (IOException ex)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"'{relative}' cannot be resolved: {ex.Message}", ex);
        }
    }

    // Cached resolutions may run through what was just removed; start afresh (rare: replaced
    // directories and links only).
    private void InvalidateDirectories() => _directoryCache.Clear();

    private void KeepOwner(string path, TarEntry entry)
    {
        if (_keepOwners && NativeMethods.LChown(path, entry.Uid, entry.Gid) != 0)
        {
            throw new IOException($"lchown of '{entry.Name}' failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static EntryKind Probe(string path)
    {
        var attributes = new FileInfo(path).Attributes;
        if ((int)attributes == -1)
        {
            return EntryKind.None;
        }

        if (attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return EntryKind.SymbolicLink;
        }

        return attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory : EntryKind.File;
    }

    /// <summary>Splits a tar path into components; leading <c>/</c> and <c>./</c> are dropped, any <c>..</c> is refused.</summary>
    private static string[] SplitEntryName(string name, string what)
    {
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." || part.Contains('\0', StringComparison.Ordinal))
            {
                throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"{what} '{name}' contains '..' and could reach outside the root");
            }

            kept.Add(part);
        }

        return [.. kept];
    }

    private static DateTime ClampTime(DateTimeOffset time) =>
        time.UtcDateTime < DateTime.UnixEpoch ? DateTime.UnixEpoch : time.UtcDateTime;
}

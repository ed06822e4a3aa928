using System.Runtime.Versioning;
using System.Text;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Resolving and clearing paths inside the root.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LayerUnpacker
{
    /// <summary>
    /// Resolves the parent inside the root (creating it), and clears the name: an existing file or
    /// link is removed (never written through), an existing directory is kept when wanted.
    /// </summary>
    private string PrepareTarget(string parentRelative, string leaf, bool keepDirectory)
    {
        var path = EnsureDirectory(parentRelative) + "/" + leaf;
        ClearName(path, keepDirectory);
        return path;
    }
    /// <summary>Removes what is at <paramref name="path"/> (by lstat), except a directory when wanted; true when a directory was kept.</summary>
    private bool ClearName(string path, bool keepDirectory)
    {
        var kind = Probe(path);
        if (kind == EntryKind.None)
        {
            return false;
        }

        if (kind == EntryKind.Directory && keepDirectory)
        {
            return true;
        }

        Remove(path, kind);
        return false;
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

        if (TryExtendResolvedParent(relative) is { } extended)
        {
            return extended;
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

        CacheDirectory(relative, resolved);
        return resolved;
    }
    /// <summary>
    /// The common case of a directory not yet seen: its parent is resolved and its own name is free
    /// or a real directory, so it resolves to parent/name with one mkdir. Anything else (a link, a
    /// file in the way, an unresolved parent) is left to the full resolution.
    /// </summary>
    private string? TryExtendResolvedParent(string relative)
    {
        var slash = relative.LastIndexOf('/');
        string? parent;
        if (slash < 0)
        {
            parent = _root;
        }
        else if (!_directoryCache.TryGetValue(relative[..slash], out parent))
        {
            return null;
        }

        var path = parent + "/" + relative[(slash + 1)..];
        var errno = NativeMethods.CreateDirectory(path);
        if (errno != 0 && !(errno == NativeMethods.FileExists && Probe(path) == EntryKind.Directory))
        {
            return null;
        }

        CacheDirectory(relative, path);
        return path;
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
    /// <summary>Remembers a resolution; the cache is dropped whole when it holds too much (it only saves lookups).</summary>
    private void CacheDirectory(string relative, string path)
    {
        if (_directoryCacheChars > DirectoryCacheMaxChars)
        {
            InvalidateDirectories();
        }

        if (_directoryCache.TryAdd(relative, path))
        {
            _directoryCacheChars += relative.Length + path.Length;
        }
        else
        {
            _directoryCache[relative] = path;
        }
    }

    // Cached resolutions may run through what was just removed; start afresh (rare: replaced
    // directories and links only).
    private void InvalidateDirectories()
    {
        _directoryCache.Clear();
        _directoryCacheChars = 0;
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
        CheckPathLength(name, what);
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
    /// <summary>Refuses a path Linux could not hold: resolving one costs time in proportion to its square.</summary>
    private static void CheckPathLength(string path, string what)
    {
        if (path.Length > PathMax / 4 && Encoding.UTF8.GetByteCount(path) > PathMax)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer,
                $"{what} '{path[..64]}…' has {Encoding.UTF8.GetByteCount(path)} bytes, more than the {PathMax} bytes of the longest Linux path");
        }
    }
    private static DateTime ClampTime(DateTimeOffset time) =>
        time.UtcDateTime < DateTime.UnixEpoch ? DateTime.UnixEpoch : time.UtcDateTime;
}

using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Packages;

/// <summary>
/// Finds and opens package database files inside a root filesystem: links are followed as inside a chroot (so
/// none leads out of the root), and only regular files are opened, within the size limits.
/// </summary>
internal sealed class RootFiles(string root, PackageInventoryLimits limits)
{
    private long totalBytes;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The host path of <paramref name="relative"/> inside the root, links resolved inside it.</summary>
    /// <exception cref="PackageInventoryException">The path loops through links.</exception>
    public string Resolve(string relative)
    {
        try
        {
            return RootedPath.Resolve(Root, relative);
        }
        catch (IOException e)
        {
            throw new PackageInventoryException($"{relative} cannot be resolved inside the image: {e.Message}", e);
        }
    }

    /// <summary>The S_IFMT type of <paramref name="relative"/> after resolving links inside the root; null when absent.</summary>
    public int? TypeOf(string relative) => PackageNativeMethods.FileType(Resolve(relative));

    public bool IsDirectory(string relative) => TypeOf(relative) == PackageNativeMethods.Directory;

    public bool Exists(string relative) => TypeOf(relative) is not null;

    /// <summary>Opens <paramref name="relative"/> for reading when it is a regular file within the limits.</summary>
    /// <exception cref="PackageInventoryException">It is not a regular file, is too large, or cannot be read.</exception>
    public FileStream Open(string relative)
    {
        var path = Resolve(relative);
        var type = PackageNativeMethods.FileType(path);
        if (type != PackageNativeMethods.RegularFile)
        {
            throw new PackageInventoryException(type is null
                ? $"{relative} does not exist in the image."
                : $"{relative} is not a regular file ({PackageNativeMethods.Describe(type.Value)}), so it is not read.");
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > limits.MaxFileBytes || totalBytes + length > limits.MaxTotalBytes)
            {
                stream.Dispose();
                throw new PackageInventoryException(length > limits.MaxFileBytes
                    ? $"{relative} has {length} bytes, over the {limits.MaxFileBytes}-byte limit ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxFileBytes)})."
                    : $"The package database files add up to more than {limits.MaxTotalBytes} bytes ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxTotalBytes)}).");
            }

            totalBytes += length;
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageInventoryException($"{relative} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The names in directory <paramref name="relative"/>, sorted ordinally, at most <paramref name="max"/>.</summary>
    /// <exception cref="PackageInventoryException">It cannot be listed or holds more than <paramref name="max"/> names.</exception>
    public IReadOnlyList<string> List(string relative, int max)
    {
        var names = new List<string>();
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(Resolve(relative)))
            {
                if (names.Count == max)
                {
                    throw new PackageInventoryException($"{relative} holds more than {max} entries ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxStatusFiles)}).");
                }

                names.Add(Path.GetFileName(entry));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageInventoryException($"{relative} cannot be listed: {e.Message}", e);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}

using System.Formats.Tar;
using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// The entries of one image layer, written as a tar stream on demand (so a decompression bomb never
/// sits in memory uncompressed). Names are written exactly as given: hostile names are possible.
/// </summary>
public sealed class TestLayer
{
    private static readonly DateTimeOffset FixedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<Func<TarEntry>> _entries = [];

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    public const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public TestLayer File(string name, string content, UnixFileMode mode = FileMode, int uid = 0, int gid = 0) =>
        File(name, Encoding.UTF8.GetBytes(content), mode, uid, gid);

    public TestLayer File(string name, byte[] content, UnixFileMode mode = FileMode, int uid = 0, int gid = 0) => Add(() =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = mode, Uid = uid, Gid = gid, ModificationTime = FixedTime });

    /// <summary>A file of <paramref name="size"/> zero bytes, streamed (for decompression bombs and size limits).</summary>
    public TestLayer ZeroFile(string name, long size) => Add(() =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new ZeroStream(size), Mode = FileMode, ModificationTime = FixedTime });

    public TestLayer Directory(string name, UnixFileMode mode = DirectoryMode) => Add(() =>
        new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, ModificationTime = FixedTime });

    public TestLayer Symlink(string name, string target) => Add(() =>
        new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = DirectoryMode, ModificationTime = FixedTime });

    public TestLayer HardLink(string name, string target) => Add(() =>
        new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target, Mode = FileMode, ModificationTime = FixedTime });

    public TestLayer CharacterDevice(string name, int major = 1, int minor = 3) => Add(() =>
        new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = major, DeviceMinor = minor, Mode = FileMode, ModificationTime = FixedTime });

    public TestLayer Fifo(string name) => Add(() =>
        new PaxTarEntry(TarEntryType.Fifo, name) { Mode = FileMode, ModificationTime = FixedTime });

    /// <summary>An OCI whiteout deleting <paramref name="path"/> of lower layers (<c>dir/.wh.name</c>).</summary>
    public TestLayer Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        return File(slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..], []);
    }

    /// <summary>An opaque whiteout hiding everything lower layers put in <paramref name="directory"/>.</summary>
    public TestLayer OpaqueWhiteout(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq", []);

    /// <summary>Adds the entries of <paramref name="other"/> after this layer's own.</summary>
    public TestLayer Append(TestLayer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _entries.AddRange(other._entries);
        return this;
    }

    /// <summary>All files, directories and symbolic links below <paramref name="root"/>, with their modes.</summary>
    public static TestLayer FromDirectory(string root)
    {
        var layer = new TestLayer();
        foreach (var path in System.IO.Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path);
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                layer.Symlink(name, target);
            }
            else if (System.IO.Directory.Exists(path))
            {
                layer.Directory(name, OperatingSystem.IsWindows() ? DirectoryMode : System.IO.File.GetUnixFileMode(path));
            }
            else
            {
                layer.File(name, System.IO.File.ReadAllBytes(path), OperatingSystem.IsWindows() ? FileMode : System.IO.File.GetUnixFileMode(path));
            }
        }

        return layer;
    }

    /// <summary>Writes the layer as an uncompressed tar (PAX format) to <paramref name="output"/>.</summary>
    public void WriteTar(Stream output)
    {
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var create in _entries)
        {
            writer.WriteEntry(create());
        }
    }

    public byte[] ToTar()
    {
        using var buffer = new MemoryStream();
        WriteTar(buffer);
        return buffer.ToArray();
    }

    private TestLayer Add(Func<TarEntry> entry)
    {
        _entries.Add(entry);
        return this;
    }
}

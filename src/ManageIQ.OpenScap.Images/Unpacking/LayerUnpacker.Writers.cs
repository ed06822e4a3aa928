using System.Buffers;
using System.Formats.Tar;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Writing each kind of entry.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LayerUnpacker
{
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
    private void KeepOwner(string path, TarEntry entry)
    {
        // Root inside a user namespace cannot give away unmapped ids: then keep going without owners.
        if (_keepOwners && NativeMethods.LChown(path, entry.Uid, entry.Gid) != 0)
        {
            _keepOwners = false;
        }
    }
}

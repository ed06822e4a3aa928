using System.Buffers;
using System.Formats.Tar;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Writing each kind of entry.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LayerUnpacker
{
    /// <summary>Creates the file here, in tar order; its content, mode, time and owner go to the writer pool.</summary>
    private void WriteFile(TarEntry entry, string parentRelative, string leaf)
    {
        var run = _run!;
        _budget.EnsureRoomFor(entry.Length, run.BytesConsumed);
        var path = EnsureDirectory(parentRelative) + "/" + leaf;
        var handle = CreateFile(path, entry.Name);
        PendingFile pending;
        try
        {
            if (entry.Length > ReserveAboveBytes)
            {
                NativeMethods.Reserve(handle, entry.Length, entry.Name);
            }

            var mode = (entry.Mode & PermissionBits) & ~DroppedBits;
            pending = run.Writers.Open(handle, entry.Name, mode, ClampTime(entry.ModificationTime), entry.Uid, entry.Gid);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        var offset = 0L;
        var handedLast = false;
        if (entry.DataStream is { } data)
        {
            while (offset < entry.Length)
            {
                var size = (int)Math.Min(FileDataWriters.PieceBytes, entry.Length - offset);
                var buffer = ArrayPool<byte>.Shared.Rent(size);
                int read;
                try
                {
                    read = data.ReadAtLeast(buffer.AsSpan(0, size), size, throwOnEndOfStream: false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                handedLast = offset + read >= entry.Length;
                run.Writers.Write(pending, buffer, read, offset, handedLast);
                offset += read;
            }
        }

        if (!handedLast)
        {
            run.Writers.Write(pending, null, 0, offset, last: true);
        }

        FileBytes += entry.Length;
    }

    /// <summary>
    /// Creates a file with O_EXCL, which never follows nor reuses what is at the name. Only when
    /// something is there is it looked at and removed (never written through): most names are new,
    /// and they then cost one system call.
    /// </summary>
    private SafeFileHandle CreateFile(string path, string name)
    {
        var handle = NativeMethods.CreateExclusive(path, out var errno);
        if (handle is null && errno == NativeMethods.FileExists)
        {
            ClearName(path, keepDirectory: false);
            handle = NativeMethods.CreateExclusive(path, out errno);
        }

        return handle ?? throw NativeMethods.Failure("creating", name, errno);
    }
    private void WriteDirectory(TarEntry entry, string parentRelative, string leaf)
    {
        var path = EnsureDirectory(parentRelative) + "/" + leaf;
        var errno = NativeMethods.CreateDirectory(path);
        if (errno == NativeMethods.FileExists)
        {
            // A directory already there is kept (with its content); anything else is replaced.
            errno = ClearName(path, keepDirectory: true) ? 0 : NativeMethods.CreateDirectory(path);
        }

        if (errno != 0)
        {
            throw NativeMethods.Failure("creating directory", entry.Name, errno);
        }

        // A real directory (created, or found by lstat) below a resolved parent resolves to itself.
        CacheDirectory(parentRelative.Length == 0 ? leaf : parentRelative + "/" + leaf, path);
        KeepDirectoryMetadata(path, new DirectoryMetadata((entry.Mode & PermissionBits) & ~DroppedBits, ClampTime(entry.ModificationTime)));
        _owners.Keep(path, entry.Uid, entry.Gid);
    }
    /// <summary>The mode and time a directory gets at the end; charged to the budget until then.</summary>
    private void KeepDirectoryMetadata(string path, DirectoryMetadata metadata)
    {
        if (!_directoryMetadata.ContainsKey(path))
        {
            _budget.Track(path);
        }

        _directoryMetadata[path] = metadata;
    }
    private void WriteSymbolicLink(TarEntry entry, string parentRelative, string leaf)
    {
        var target = entry.LinkName;
        if (string.IsNullOrEmpty(target) || target.Contains('\0', StringComparison.Ordinal))
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"symbolic link '{entry.Name}' has an empty or invalid target");
        }

        CheckPathLength(target, $"the target of symbolic link '{entry.Name}'");

        var path = EnsureDirectory(parentRelative) + "/" + leaf;
        var errno = NativeMethods.CreateSymbolicLink(path, target);
        if (errno == NativeMethods.FileExists)
        {
            ClearName(path, keepDirectory: false);
            errno = NativeMethods.CreateSymbolicLink(path, target);
        }

        if (errno != 0)
        {
            throw NativeMethods.Failure("creating symbolic link", entry.Name, errno);
        }

        _owners.Keep(path, entry.Uid, entry.Gid);
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

            // A file system that refuses hard links still gets the content, once it is all written.
            _run!.Writers.WaitForAll();
            File.Copy(source, path);
        }
    }
}

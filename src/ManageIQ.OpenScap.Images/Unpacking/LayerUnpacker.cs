using System.Formats.Tar;
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
internal sealed partial class LayerUnpacker
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueWhiteout = ".wh..wh..opq";
    private const int DefaultWriterThreads = 2;
    private const long ReserveAboveBytes = 4 * 1024 * 1024;
    private const int PathMax = 4096;
    private const long DirectoryCacheMaxChars = 4L * 1024 * 1024;
    private const UnixFileMode DroppedBits = UnixFileMode.SetUser | UnixFileMode.SetGroup;
    private const UnixFileMode PermissionBits = (UnixFileMode)0xFFF;
    private readonly string _root;
    private readonly UnpackBudget _budget;
    private readonly OwnerKeeper _owners;
    private readonly IFileContentWriter _content;
    private readonly int _writerThreads;
    private readonly Dictionary<string, string> _directoryCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectoryMetadata> _directoryMetadata = new(StringComparer.Ordinal);
    private long _directoryCacheChars;
    private LayerRun? _run;
    public LayerUnpacker(string root, UnpackBudget budget, bool keepOwners)
        : this(root, budget, keepOwners, PositionalFileWriter.Instance, DefaultWriterThreads)
    {
    }
    /// <summary>As the public constructor, with the file content writer and the number of writer threads chosen (tests).</summary>
    internal LayerUnpacker(string root, UnpackBudget budget, bool keepOwners, IFileContentWriter content, int writerThreads)
    {
        Directory.CreateDirectory(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _budget = budget;
        _owners = new OwnerKeeper(keepOwners);
        _content = content;
        _writerThreads = writerThreads;
    }
    /// <summary>Bytes of file content written.</summary>
    public long FileBytes { get; private set; }
    /// <summary>Device nodes, FIFOs and unknown entry types left out.</summary>
    public long SkippedEntries { get; private set; }
    /// <summary>
    /// Unpacks one layer file (tar, tar+gzip or tar+zstd). When <paramref name="diffId"/> is given,
    /// the uncompressed stream must hash to it. Three stages run at once: decompression (with the
    /// limits and the hash) on a thread of its own, the tar entries applied in order on the calling
    /// thread, and file content written by a small pool; all are done when this returns, and the
    /// first error of any stage is the one thrown.
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
        using var layer = new LayerState(_budget);
        RunPipeline(guarded, layer, cancellationToken);
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

        _budget.Release(_directoryMetadata.Count, _directoryMetadata.Keys.Sum(p => 2L * p.Length));
        _directoryMetadata.Clear();
    }
    private void RunPipeline(GuardedLayerStream guarded, LayerState layer, CancellationToken cancellationToken)
    {
        using var fault = new PipelineFault(cancellationToken);
        var bytesBefore = _budget.Bytes;
        var pipe = new ReadAheadStream(guarded, fault);
        var writers = new FileDataWriters(_writerThreads, _content, _owners, fault);
        _run = new LayerRun(pipe, writers, bytesBefore);
        try
        {
            using (var headers = new TarHeaderGuard(pipe, _budget.Limits.MaxHeaderRecordBytes))
            using (var reader = new TarReader(headers, leaveOpen: true))
            {
                while (TarEntries.Next(reader, "the layer") is { } entry)
                {
                    fault.Token.ThrowIfCancellationRequested();
                    _budget.CountEntry();
                    Apply(entry, layer);
                }
            }

            pipe.ReadToEnd();
            writers.Finish();
        }
        catch (Exception ex)
        {
            fault.Record(ex);
        }
        finally
        {
            // Stops and joins every thread and closes every handle, whatever happened.
            _run = null;
            writers.Dispose();
            pipe.Dispose();
        }

        try
        {
            fault.ThrowIfFaulted();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or ZstdSharp.ZstdException)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, "the layer is not a valid (compressed) tar archive: " + ex.Message, ex);
        }
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
}

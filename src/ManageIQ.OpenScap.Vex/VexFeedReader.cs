using System.Formats.Tar;
using System.IO.Compression;
using ZstdSharp;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Reads every CSAF document of a VEX feed: one <c>.json</c> document, a directory of them (searched recursively, as
/// Red Hat lays them out by year), or a tar archive of them, plain, gzip or zstd (Red Hat's
/// <c>csaf_vex_YYYY-MM-DD.tar.zst</c>). Other archive members (<c>index.txt</c>, <c>changes.csv</c>) are skipped.
/// </summary>
internal static class VexFeedReader
{
    private static readonly byte[] Gzip = [0x1f, 0x8b];
    private static readonly byte[] Zstd = [0x28, 0xb5, 0x2f, 0xfd];

    public static VexIndex Read(string path, VexOptions options, CancellationToken cancellationToken)
    {
        var budget = new Budget(path, options);
        var statements = new List<VexRpmStatement>();
        var seen = new HashSet<VexRpmStatement>();
        void Add(byte[] json, string name)
        {
            budget.Document(name);
            foreach (var statement in CsafVexDocumentReader.Read(json, name, options))
            {
                if (seen.Add(statement))
                {
                    statements.Add(statement);
                }
            }
        }

        if (Directory.Exists(path))
        {
            foreach (var file in VexFeedDirectory.Documents(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = Path.GetRelativePath(path, file);
                var json = ReadFile(file, name, options);
                budget.Member(json.Length, name);
                Add(json, name);
            }
        }
        else
        {
            ReadFileFeed(path, options, budget, Add, cancellationToken);
        }

        return budget.Documents == 0
            ? throw new VexFormatException($"The VEX feed {path} holds no .json document.")
            : new VexIndex(budget.Documents, statements);
    }

    private static void ReadFileFeed(string path, VexOptions options, Budget budget, Action<byte[], string> add, CancellationToken cancellationToken)
    {
        using var file = OpenFeed(path);
        var head = new byte[512];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (head.AsSpan(0, read).StartsWith(Gzip))
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            ReadTar(gzip, path, options, budget, add, cancellationToken);
        }
        else if (head.AsSpan(0, read).StartsWith(Zstd))
        {
            using var zstd = new DecompressionStream(file);
            ReadTar(zstd, path, options, budget, add, cancellationToken);
        }
        else if (read >= 262 && head.AsSpan(257, 5).SequenceEqual("ustar"u8))
        {
            ReadTar(file, path, options, budget, add, cancellationToken);
        }
        else if (head.AsSpan(0, read).TrimStart([(byte)0xef, (byte)0xbb, (byte)0xbf]).TrimStart(" \t\r\n"u8).StartsWith("{"u8))
        {
            var json = ReadFile(path, Path.GetFileName(path), options);
            budget.Member(json.Length, Path.GetFileName(path));
            add(json, Path.GetFileName(path));
        }
        else
        {
            throw new VexFormatException($"The VEX feed {path} is neither a CSAF JSON document nor a tar archive (plain, gzip or zstd) of them.");
        }
    }

    private static void ReadTar(Stream stream, string path, VexOptions options, Budget budget, Action<byte[], string> add, CancellationToken cancellationToken)
    {
        try
        {
            using var tar = new TarReader(stream);
            while (tar.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                budget.Member(entry.Length, entry.Name);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = Path.GetFileName(path) + ":" + entry.Name;
                if (entry.Length > options.MaxDocumentBytes)
                {
                    throw new VexFormatException($"{name} has {entry.Length} bytes, over the {options.MaxDocumentBytes}-byte limit ({VexOptions.SectionName}:{nameof(options.MaxDocumentBytes)}).");
                }

                var json = new byte[entry.Length];
                entry.DataStream!.ReadExactly(json);
                add(json, name);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ZstdException)
        {
            throw new VexFormatException($"The VEX feed {path} is not a readable tar archive: {e.Message}", e);
        }
    }

    private static byte[] ReadFile(string file, string name, VexOptions options)
    {
        using var stream = OpenFeed(file);
        if (stream.Length > options.MaxDocumentBytes)
        {
            throw new VexFormatException($"{name} has {stream.Length} bytes, over the {options.MaxDocumentBytes}-byte limit ({VexOptions.SectionName}:{nameof(options.MaxDocumentBytes)}).");
        }

        var json = new byte[stream.Length];
        stream.ReadExactly(json);
        return json;
    }

    private static FileStream OpenFeed(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VexFormatException($"The VEX feed file {path} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Counts documents and bytes against the limits.</summary>
    private sealed class Budget(string path, VexOptions options)
    {
        private long bytes;

        public int Documents { get; private set; }

        public void Document(string name)
        {
            if (++Documents > options.MaxDocuments)
            {
                throw new VexFormatException($"The VEX feed {path} holds more than {options.MaxDocuments} documents ({VexOptions.SectionName}:{nameof(options.MaxDocuments)}); {name} is one too many.");
            }
        }

        public void Member(long length, string name)
        {
            bytes += length;
            if (bytes > options.MaxTotalBytes)
            {
                throw new VexFormatException($"The VEX feed {path} holds more than {options.MaxTotalBytes} bytes ({VexOptions.SectionName}:{nameof(options.MaxTotalBytes)}), reached at {name}.");
            }
        }
    }
}

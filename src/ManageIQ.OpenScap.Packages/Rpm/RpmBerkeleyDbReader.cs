using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>
/// Lists a Berkeley DB hash <c>Packages</c> file (rpm before 4.16: RHEL 8 and older, CentOS 7/8), read page by page
/// without libdb: the metadata page (magic, page size, last page, byte order), then every hash page's key/value
/// items, a value being an RPM header stored inline or on a chain of overflow pages. Every page number, offset and
/// length is checked against the file; a chain that loops or runs past its stated length is refused.
/// </summary>
internal static class RpmBerkeleyDbReader
{
    private const uint HashMagic = 0x00061561;
    private const int PageHeaderBytes = 26;
    private const byte HashMetadataPage = 8;
    private const byte HashUnsortedPage = 2;
    private const byte HashPage = 13;
    private const byte OverflowPage = 7;
    private const byte KeyDataItem = 1;
    private const byte OffPageItem = 3;
    private const int OffPageItemBytes = 12;

    public static List<InstalledPackage> Read(RootFiles files, string relative, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        using var stream = files.Open(relative);
        var length = stream.Length;
        var handle = stream.SafeFileHandle;
        var meta = new byte[512];
        if (RandomAccess.Read(handle, meta, 0) < meta.Length)
        {
            throw Bad(relative, $"has {length} bytes, less than a Berkeley DB metadata page");
        }

        var swapped = BinaryPrimitives.ReadUInt32LittleEndian(meta.AsSpan(12)) != HashMagic;
        if (swapped && BinaryPrimitives.ReadUInt32BigEndian(meta.AsSpan(12)) != HashMagic)
        {
            throw Bad(relative, "has no Berkeley DB hash magic number");
        }

        var pageSize = UInt32(meta, 20, swapped);
        if (pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            throw Bad(relative, $"has page size {pageSize}, not a power of two from 512 to 65536");
        }

        if (meta[24] != 0 || meta[25] != HashMetadataPage)
        {
            throw Bad(relative, meta[24] != 0 ? "is encrypted" : $"starts with page type {meta[25]}, not a hash metadata page");
        }

        var lastPage = UInt32(meta, 32, swapped);
        if ((lastPage + 1L) * pageSize > length)
        {
            throw Bad(relative, $"claims {lastPage + 1} pages of {pageSize} bytes but has {length} bytes");
        }

        var database = new Database(handle, relative, (int)pageSize, lastPage, swapped);
        var packages = new List<InstalledPackage>();
        var page = new byte[pageSize];
        for (uint number = 1; number <= lastPage; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            database.ReadPage(number, page);
            if (page[25] is not (HashPage or HashUnsortedPage))
            {
                continue;
            }

            foreach (var (blob, item) in database.Values(number, page))
            {
                if (packages.Count == limits.MaxPackages)
                {
                    throw new PackageInventoryException($"{relative} lists more than {limits.MaxPackages} packages ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxPackages)}).");
                }

                packages.Add(RpmHeaderParser.Parse(blob, $"{relative}, page {number} item {item}"));
            }
        }

        return packages;
    }

    private static uint UInt32(ReadOnlySpan<byte> data, int offset, bool swapped) =>
        swapped ? BinaryPrimitives.ReadUInt32BigEndian(data[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    private static ushort UInt16(ReadOnlySpan<byte> data, int offset, bool swapped) =>
        swapped ? BinaryPrimitives.ReadUInt16BigEndian(data[offset..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);

    private static PackageInventoryException Bad(string relative, string what) => new($"{relative} {what}, so it is not an RPM Berkeley DB database.");

    private sealed class Database(SafeFileHandle handle, string relative, int pageSize, uint lastPage, bool swapped)
    {
        public void ReadPage(uint number, byte[] page)
        {
            if (RandomAccess.Read(handle, page, (long)number * pageSize) < pageSize)
            {
                throw Bad(relative, $"ends inside page {number}");
            }
        }

        /// <summary>The header values of one hash page: every second item (key, value, key, value…), inline or off-page.</summary>
        public List<(byte[] Blob, int Item)> Values(uint number, byte[] page)
        {
            var entries = UInt16(page, 20, swapped);
            if (entries % 2 != 0 || PageHeaderBytes + (entries * 2) > pageSize)
            {
                throw Bad(relative, $"page {number} claims {entries} items, not key/value pairs that fit the page");
            }

            // Items are stored from the page's end downwards: item i ends where item i-1 starts.
            var offsets = new int[entries];
            for (var i = 0; i < entries; i++)
            {
                offsets[i] = UInt16(page, PageHeaderBytes + (i * 2), swapped);
                var end = i == 0 ? pageSize : offsets[i - 1];
                if (offsets[i] < PageHeaderBytes + (entries * 2) || offsets[i] >= end)
                {
                    throw Bad(relative, $"page {number} item {i} is at offset {offsets[i]}, outside the page's item area");
                }
            }

            var values = new List<(byte[], int)>();
            for (var i = 1; i < entries; i += 2)
            {
                var key = page.AsSpan(offsets[i - 1], (i == 1 ? pageSize : offsets[i - 2]) - offsets[i - 1]);
                var value = page.AsSpan(offsets[i], offsets[i - 1] - offsets[i]);
                if (value[0] == OffPageItem)
                {
                    values.Add((Overflow(number, i, value), i));
                }
                else if (value[0] == KeyDataItem && !IsCounter(key))
                {
                    values.Add((value[1..].ToArray(), i));
                }
            }

            return values;
        }

        /// <summary>rpm's record 0 holds the next header number, not a header.</summary>
        private static bool IsCounter(ReadOnlySpan<byte> key) =>
            key.Length == 5 && key[0] == KeyDataItem && key.Slice(1, 4).IndexOfAnyExcept((byte)0) < 0;

        private byte[] Overflow(uint number, int item, ReadOnlySpan<byte> value)
        {
            if (value.Length < OffPageItemBytes)
            {
                throw Bad(relative, $"page {number} item {item} is an off-page reference of {value.Length} bytes");
            }

            var next = UInt32(value, 4, swapped);
            var total = UInt32(value, 8, swapped);
            if (total > RpmSqliteReader.MaxHeaderBytes)
            {
                throw Bad(relative, $"page {number} item {item} claims a {total}-byte header, over rpm's limit");
            }

            var blob = new byte[total];
            var filled = 0;
            var page = new byte[pageSize];
            for (var visited = 0L; next != 0; visited++)
            {
                if (next > lastPage || visited > lastPage)
                {
                    throw Bad(relative, $"page {number} item {item}'s overflow chain {(next > lastPage ? $"names page {next}, past the last page {lastPage}" : "loops")}");
                }

                ReadPage(next, page);
                var bytes = UInt16(page, 22, swapped);
                if (page[25] != OverflowPage || bytes > pageSize - PageHeaderBytes || filled + bytes > total)
                {
                    throw Bad(relative, $"page {number} item {item}'s overflow page {next} is {(page[25] != OverflowPage ? $"of type {page[25]}, not an overflow page" : "longer than the header it continues")}");
                }

                page.AsSpan(PageHeaderBytes, bytes).CopyTo(blob.AsSpan(filled));
                filled += bytes;
                next = UInt32(page, 16, swapped);
            }

            return filled == total ? blob : throw Bad(relative, $"page {number} item {item}'s overflow chain holds {filled} of its {total} bytes");
        }
    }
}

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Sits between a tar stream and System.Formats.Tar's reader and reads every 512-byte header as it
/// passes. The reader holds a PAX ('x', 'g') or GNU long-name ('L', 'K') record in one array of
/// whatever size the header claims; a record above the limit is refused before the reader has the
/// whole header, so it never allocates it. To find each next header the guard follows the reader's
/// own rules: octal or base-256 size fields, the size record of a leading PAX header, and padding
/// to 512 bytes. Headers the reader would refuse (bad numbers) are refused here, with what was wrong.
/// </summary>
internal sealed class TarHeaderGuard(Stream inner, int maxRecordBytes) : ForwardReadStream
{
    private const int BlockSize = 512;
    private const int SizeOffset = 124;
    private const int SizeLength = 12;
    private const int ChecksumOffset = 148;
    private const int ChecksumLength = 8;
    private const int TypeOffset = 156;
    private readonly byte[] _header = new byte[BlockSize];
    private int _headerFill;
    private long _skip;
    private PaxSizeScanner? _pax;
    private long _paxLeft;
    private long? _paxSize;
    private TarHeaderPosition _position;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Follows the archive through <paramref name="bytes"/>; throws, before they are handed on, at a refused header.</summary>
    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        while (!bytes.IsEmpty)
        {
            if (_skip > 0)
            {
                var count = (int)Math.Min(_skip, bytes.Length);
                CollectPax(bytes[..count]);
                _skip -= count;
                bytes = bytes[count..];
                continue;
            }

            var take = Math.Min(BlockSize - _headerFill, bytes.Length);
            bytes[..take].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += take;
            bytes = bytes[take..];
            if (_headerFill == BlockSize)
            {
                _headerFill = 0;
                OnHeader();
            }
        }
    }

    private void OnHeader()
    {
        var checksum = _header.AsSpan(ChecksumOffset, ChecksumLength);
        if (!checksum.ContainsAnyExcept((byte)0) || (TarNumber.TryParseOctal(checksum, out var sum) && sum == 0))
        {
            // The reader stops at an empty block: nothing it reads follows.
            _position = TarHeaderPosition.First;
            return;
        }

        var type = (char)_header[TypeOffset];
        if (!TarNumber.TryParseSize(_header.AsSpan(SizeOffset, SizeLength), out var size))
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"a tar header of type '{Printable(type)}' has an unreadable or out-of-range size field");
        }

        var position = _position;
        _position = Next(position, type);
        if (IsMetadata(type))
        {
            if (size > maxRecordBytes)
            {
                throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                    $"a tar {Describe(type)} record of {size} bytes is larger than {maxRecordBytes} bytes (limit MaxHeaderRecordBytes)");
            }

            if (type == 'x' && position == TarHeaderPosition.First)
            {
                StartPax(size);
            }
        }
        else if (position == TarHeaderPosition.AfterPax && _paxSize is { } paxSize)
        {
            size = paxSize;
        }

        if (position == TarHeaderPosition.AfterPax)
        {
            _paxSize = null;
        }

        if (size > long.MaxValue - BlockSize)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"a tar entry of type '{Printable(type)}' claims {size} bytes, more than any archive can hold");
        }

        _skip = size + Padding(size);
    }

    /// <summary>Follows the data of a leading PAX header: its size record sets the next entry's size.</summary>
    private void StartPax(long length)
    {
        _paxSize = null;
        _pax = length > 0 ? new PaxSizeScanner() : null;
        _paxLeft = length;
    }

    private void CollectPax(ReadOnlySpan<byte> bytes)
    {
        if (_pax is null)
        {
            return;
        }

        var take = (int)Math.Min(bytes.Length, _paxLeft);
        _pax.Feed(bytes[..take]);
        _paxLeft -= take;
        if (_paxLeft == 0)
        {
            _paxSize = _pax.Size;
            _pax = null;
        }
    }

    /// <summary>The reader's sequence: a PAX header, or one or both GNU records, lead an entry.</summary>
    private static TarHeaderPosition Next(TarHeaderPosition position, char type) => (position, type) switch
    {
        (TarHeaderPosition.First, 'x') => TarHeaderPosition.AfterPax,
        (TarHeaderPosition.First, 'L') => TarHeaderPosition.AfterLongName,
        (TarHeaderPosition.First, 'K') => TarHeaderPosition.AfterLongLink,
        (TarHeaderPosition.AfterLongName, 'K') or (TarHeaderPosition.AfterLongLink, 'L') => TarHeaderPosition.AfterBothGnu,
        _ => TarHeaderPosition.First,
    };

    private static bool IsMetadata(char type) => type is 'x' or 'g' or 'L' or 'K';

    private static string Describe(char type) => type switch
    {
        'x' => "PAX extended header ('x')",
        'g' => "PAX global header ('g')",
        'L' => "GNU long name ('L')",
        _ => "GNU long link ('K')",
    };

    private static string Printable(char type) => char.IsAsciiLetterOrDigit(type) ? type.ToString() : $"\\x{(int)type:X2}";

    private static int Padding(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);
}

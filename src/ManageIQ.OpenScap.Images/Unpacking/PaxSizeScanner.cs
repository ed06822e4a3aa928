using System.Globalization;
using System.Text;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Finds the <c>size</c> record of a PAX extended header as its bytes pass, holding none of them:
/// it walks the records (<c>LENGTH key=value\n</c>) the way System.Formats.Tar does — each record ends
/// at the first newline, its LENGTH must count it exactly, and the walk stops at the first record that
/// does not parse (the reader then fails the archive) — so the guard and the reader agree on the size.
/// </summary>
internal sealed class PaxSizeScanner
{
    // A size is at most 19 digits; a longer value, padded or not, is refused rather than parsed.
    private const int MaxValueBytes = 64;
    private static readonly byte[] SizeKey = "size"u8.ToArray();
    private readonly byte[] _value = new byte[MaxValueBytes];
    private State _state = State.Length;
    private long _declared;
    private int _digits;
    private long _lineBytes;
    private int _keyBytes;
    private bool _keyIsSize;
    private int _valueBytes;
    private bool _found;

    private enum State
    {
        Length,
        Key,
        Value,
        Stopped,
    }

    /// <summary>The size the records give the next entry, or null when they give none (the header's size field then counts).</summary>
    public long? Size { get; private set; }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_state == State.Stopped)
            {
                return;
            }

            _lineBytes++;
            switch (_state)
            {
                case State.Length:
                    ReadLength(b);
                    break;
                case State.Key:
                    ReadKey(b);
                    break;
                default:
                    ReadValue(b);
                    break;
            }
        }
    }

    private void ReadLength(byte b)
    {
        if (b == ' ' && _digits > 0)
        {
            _state = State.Key;
            _keyBytes = 0;
            _keyIsSize = true;
        }
        else if (b is >= (byte)'0' and <= (byte)'9' && _declared <= int.MaxValue)
        {
            _declared = (_declared * 10) + (b - '0');
            _digits++;
        }
        else
        {
            // A newline before the space, a sign, a second space, an int overflow: the reader stops here too.
            _state = State.Stopped;
        }
    }

    private void ReadKey(byte b)
    {
        if (b == '\n')
        {
            _state = State.Stopped;
        }
        else if (b == '=')
        {
            _keyIsSize &= _keyBytes == SizeKey.Length;
            _state = State.Value;
            _valueBytes = 0;
        }
        else
        {
            _keyIsSize &= _keyBytes < SizeKey.Length && SizeKey[_keyBytes] == b;
            _keyBytes++;
        }
    }

    private void ReadValue(byte b)
    {
        if (b != '\n')
        {
            if (_keyIsSize)
            {
                if (_valueBytes == MaxValueBytes)
                {
                    throw NotASize("a value longer than " + MaxValueBytes + " bytes");
                }

                _value[_valueBytes++] = b;
            }

            return;
        }

        if (_declared > int.MaxValue || _lineBytes != _declared)
        {
            _state = State.Stopped;
            return;
        }

        if (_keyIsSize && !_found)
        {
            // The first one counts; a second makes the reader fail the archive (duplicate attribute).
            _found = true;
            Size = Parse(Encoding.UTF8.GetString(_value, 0, _valueBytes));
        }

        _state = State.Length;
        _declared = 0;
        _digits = 0;
        _lineBytes = 0;
    }

    /// <summary>As the reader parses it (<c>long.Parse</c>, invariant culture); an empty value gives no size.</summary>
    private static long? Parse(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw NotASize($"'{value}'");
        }

        return size;
    }

    private static LayerException NotASize(string what) =>
        new(ImageAcquisitionFailure.UnsafeLayer, $"a PAX extended header gives the size {what}, which is not a size");
}

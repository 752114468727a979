using System.Buffers.Binary;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Cuts an MPEG audio byte stream into frames: skips ID3v2 (anywhere), ID3v1 and APEv2 tags, finds the
/// frame length of free-format streams from the next sync word, and resynchronises after garbage by
/// accepting a header only when the next frame's header agrees with it. Reads the stream forward only;
/// work and memory are bounded by the input size.
/// </summary>
internal sealed class Mp3FrameReader
{
    /// <summary>Longest frame accepted (free format at 640 kbit/s and 8 kHz would be larger; no encoder writes that).</summary>
    public const int MaxFrameLength = 4608;

    private const int BufferSize = 1 << 16;
    private const int MaxTagParseBytes = 1 << 18;
    private const int MaxFreeFormatSearches = 256;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly byte[] _frame = new byte[MaxFrameLength];
    private int _position;
    private int _end;
    private bool _endOfStream;
    private long _bufferOffset;
    private bool _synced;
    private uint _lockedMask;
    private bool _locked;
    private int _freeFormatBase;
    private int _freeFormatSearches;

    public Mp3FrameReader(Stream stream) => _stream = stream;

    /// <summary>Title, artist and genre from the first ID3v2 tag, or from ID3v1 when that is all there is.</summary>
    public Id3Tags Tags { get; private set; } = Id3Tags.Empty;

    /// <summary>Byte offset in the stream of the last frame returned.</summary>
    public long FrameOffset { get; private set; }

    /// <summary>Bytes skipped as garbage (not tags) since the start.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>True when the last frame returned did not follow the previous one directly (sync was lost).</summary>
    public bool Resynchronised { get; private set; }

    public ReadOnlySpan<byte> Frame => _frame.AsSpan(0, FrameLength);
    public int FrameLength { get; private set; }
    public Mp3FrameHeader Header { get; private set; }

    /// <summary>Moves to the next frame; false at the end of the stream.</summary>
    public bool Next()
    {
        var skippedBefore = SkippedBytes;
        while (Ensure(4))
        {
            var span = _buffer.AsSpan(_position, _end - _position);
            if (span[0] != 0xFF)
            {
                if (TrySkipTag(span))
                    continue;
                Lose(1);
                continue;
            }
            if (TryAcceptFrame())
            {
                Resynchronised = SkippedBytes != skippedBefore;
                return true;
            }
            Lose(1);
        }
        return false;
    }

    private void Lose(int count)
    {
        _synced = false;
        // Jump to the next candidate sync byte (or tag start) instead of stepping byte by byte.
        _position += count;
        SkippedBytes += count;
        var rest = _buffer.AsSpan(_position, _end - _position);
        var next = rest.IndexOfAny((byte)0xFF, (byte)'I', (byte)'T');
        var skip = next < 0 ? Math.Max(0, rest.Length - 8) : next;
        var apeStart = rest[..skip].IndexOf((byte)'A');
        if (apeStart >= 0)
            skip = apeStart;
        _position += skip;
        SkippedBytes += skip;
    }

    private bool TryAcceptFrame()
    {
        var span = _buffer.AsSpan(_position, _end - _position);
        if (!Mp3FrameHeader.TryParse(span, out var header) || header.Layer != 3)
            return false;
        if (_locked && (header.Bits & 0xFFFE0C00) != _lockedMask)
            return false;
        var length = header.IsFreeFormat ? FreeFormatLength(header) : header.FrameLength;
        var minimum = 4 + (header.HasCrc ? 2 : 0) + header.SideInfoLength;
        if (length < minimum || length > MaxFrameLength)
            return false;

        if (!_synced)
        {
            // After a loss of sync (or at the start) a header is believed only if another one follows it.
            Ensure(length + 4);
            span = _buffer.AsSpan(_position, _end - _position);
            if (span.Length >= length + 4)
            {
                if (!Mp3FrameHeader.TryParse(span[length..], out var next) || (next.Bits & 0xFFFE0C00) != (header.Bits & 0xFFFE0C00))
                {
                    if (!IsTagStart(span[length..]))
                        return false;
                }
            }
            else if (!(_endOfStream && span.Length == length))
            {
                return false;
            }
        }

        if (!Ensure(length))
            return false; // a frame cut off by the end of the file is dropped
        _buffer.AsSpan(_position, length).CopyTo(_frame);
        FrameLength = length;
        Header = header;
        FrameOffset = _bufferOffset + _position;
        _position += length;
        _synced = true;
        if (!_locked)
        {
            _locked = true;
            _lockedMask = header.Bits & 0xFFFE0C00;
        }
        return true;
    }

    /// <summary>Free format: the first frame's length is the distance to the next matching sync word.</summary>
    private int FreeFormatLength(Mp3FrameHeader header)
    {
        var padding = header.Padding ? (header.Layer == 1 ? 4 : 1) : 0;
        if (_freeFormatBase > 0)
            return _freeFormatBase + padding;
        if (_freeFormatSearches++ >= MaxFreeFormatSearches)
            return 0;
        Ensure(MaxFrameLength + 4);
        var span = _buffer.AsSpan(_position, Math.Min(_end - _position, MaxFrameLength + 4));
        var minimum = 4 + (header.HasCrc ? 2 : 0) + header.SideInfoLength;
        for (var i = minimum; i + 4 <= span.Length; i++)
        {
            if (span[i] != 0xFF || !Mp3FrameHeader.TryParse(span[i..], out var next))
                continue;
            // Same version, layer, rate, and also free format.
            if ((next.Bits & 0xFFFEFC00) == (header.Bits & 0xFFFEFC00))
            {
                _freeFormatBase = i - padding;
                return i;
            }
        }
        return 0;
    }

    private static bool IsTagStart(ReadOnlySpan<byte> span) =>
        span.StartsWith("TAG"u8) || span.StartsWith("ID3"u8) || span.StartsWith("APETAGEX"u8);

    private bool TrySkipTag(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith("ID3"u8) && Ensure(10))
        {
            span = _buffer.AsSpan(_position, _end - _position);
            if (span[3] == 0xFF || span[4] == 0xFF || ((span[6] | span[7] | span[8] | span[9]) & 0x80) != 0)
                return false;
            var size = (span[6] << 21 | span[7] << 14 | span[8] << 7 | span[9]) + 10 + ((span[5] & 0x10) != 0 ? 10 : 0);
            if (Tags.IsEmpty)
            {
                Ensure(Math.Min(size, MaxTagParseBytes));
                var available = Math.Min(size, _end - _position);
                Tags = Id3Tags.ParseV2(_buffer.AsSpan(_position, available));
            }
            Skip(size);
            return true;
        }
        if (span.StartsWith("TAG"u8) && Ensure(128))
        {
            if (Tags.IsEmpty)
                Tags = Id3Tags.ParseV1(_buffer.AsSpan(_position, 128));
            Skip(128);
            return true;
        }
        if (span.StartsWith("APE"u8) && Ensure(32) && _buffer.AsSpan(_position, 8).SequenceEqual("APETAGEX"u8))
        {
            var tagSize = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position + 12));
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position + 20));
            var isHeader = (flags & (1u << 29)) != 0;
            // A header is followed by the items and footer (tagSize bytes); a footer ends the tag.
            Skip(isHeader ? 32 + (long)tagSize : 32);
            return true;
        }
        return false;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available at the current position if the stream has them.</summary>
    private bool Ensure(int count)
    {
        if (_end - _position >= count)
            return true;
        if (_endOfStream)
            return false;
        if (_position > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _bufferOffset += _position;
            _end -= _position;
            _position = 0;
        }
        while (_end < count && _end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }
            _end += read;
        }
        return _end - _position >= count;
    }

    /// <summary>Skips bytes that may reach beyond the buffer (a tag's body), reading and discarding the rest.</summary>
    private void Skip(long count)
    {
        var inBuffer = Math.Min(count, _end - _position);
        _position += (int)inBuffer;
        count -= inBuffer;
        if (count <= 0)
            return;
        _bufferOffset += _end;
        _position = _end = 0;
        if (_stream.CanSeek)
        {
            var left = _stream.Length - _stream.Position;
            _stream.Seek(Math.Min(count, left), SeekOrigin.Current);
            _bufferOffset += Math.Min(count, left);
            return;
        }
        while (count > 0)
        {
            var read = _stream.Read(_buffer, 0, (int)Math.Min(count, _buffer.Length));
            if (read == 0)
            {
                _endOfStream = true;
                return;
            }
            count -= read;
            _bufferOffset += read;
        }
    }
}

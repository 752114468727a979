using System.Buffers.Binary;
using System.Text;

namespace GenreOrleans.Dsp.Decoding.Wav;

/// <summary>
/// Reads RIFF/WAVE (and RF64) files: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64 bits,
/// plain or WAVE_FORMAT_EXTENSIBLE. Chunks before the data are walked; LIST/INFO supplies title, artist
/// and genre. Only the current buffer is held in memory.
/// </summary>
public sealed class WavReader : IAudioDecoder
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;
    private const int MaxHeaderChunkBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _isFloat;
    private readonly int _bytesPerSample;
    private readonly int _blockAlign;
    private readonly byte[] _buffer;
    private long _bytesLeft;

    public WavReader(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Span<byte> header = stackalloc byte[12];
        ReadExactly(header, "RIFF header");
        var riff = Encoding.ASCII.GetString(header[..4]);
        if ((riff != "RIFF" && riff != "RF64") || Encoding.ASCII.GetString(header[8..12]) != "WAVE")
            throw new AudioDecodingException("not a WAV file: the RIFF/WAVE header is missing");

        ushort format = 0, channels = 0, bits = 0;
        int sampleRate = 0;
        long rf64DataSize = -1;
        string? title = null, artist = null, genre = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            ReadExactly(chunkHeader, "chunk header (no data chunk found)");
            var id = Encoding.ASCII.GetString(chunkHeader[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (id == "data")
            {
                if (format == 0)
                    throw new AudioDecodingException("WAV data chunk comes before its fmt chunk");
                // 0 and 0xFFFFFFFF mark a stream whose length was not known when the header was written.
                _bytesLeft = rf64DataSize >= 0 ? rf64DataSize : size is 0 or uint.MaxValue ? long.MaxValue : size;
                break;
            }
            if (size > MaxHeaderChunkBytes)
            {
                Skip(size + (size & 1), id);
                continue;
            }
            var body = new byte[size + (size & 1)];
            ReadExactly(body, $"'{id}' chunk");
            switch (id)
            {
                case "fmt ":
                    if (size < 16)
                        throw new AudioDecodingException("WAV fmt chunk is shorter than 16 bytes");
                    format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                    channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                    sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
                    bits = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14));
                    if (format == FormatExtensible)
                    {
                        if (size < 40)
                            throw new AudioDecodingException("WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes");
                        // The sub-format GUID starts with the plain format tag.
                        format = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24));
                    }
                    break;
                case "ds64" when size >= 16:
                    rf64DataSize = BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(8));
                    break;
                case "LIST" when size >= 4 && Encoding.ASCII.GetString(body, 0, 4) == "INFO":
                    ReadInfo(body.AsSpan(4, (int)size - 4), ref title, ref artist, ref genre);
                    break;
            }
        }

        if (format != FormatPcm && format != FormatFloat)
            throw new AudioDecodingException($"WAV sample format 0x{format:X4} is not supported (only PCM and IEEE float)");
        var validBits = format == FormatFloat ? bits is 32 or 64 : bits is 8 or 16 or 24 or 32;
        if (!validBits)
            throw new AudioDecodingException($"WAV with {bits}-bit {(format == FormatFloat ? "float" : "PCM")} samples is not supported");
        if (channels is 0 or > 32)
            throw new AudioDecodingException($"WAV with {channels} channels is not supported");
        if (sampleRate is < 1000 or > 768_000)
            throw new AudioDecodingException($"WAV sample rate {sampleRate} Hz is out of range");

        _isFloat = format == FormatFloat;
        _bytesPerSample = bits / 8;
        _blockAlign = _bytesPerSample * channels;
        _buffer = new byte[_blockAlign * 4096];
        var frames = _bytesLeft == long.MaxValue ? 0 : _bytesLeft / _blockAlign;
        Info = new AudioStreamInfo("wav", sampleRate, channels, sampleRate * _blockAlign * 8 / 1000,
            TimeSpan.FromSeconds((double)frames / sampleRate), title, artist, genre);
    }

    public AudioStreamInfo Info { get; }

    public int Read(Span<float> interleaved)
    {
        var channels = Info.Channels;
        var written = 0;
        while (written + channels <= interleaved.Length && _bytesLeft >= _blockAlign)
        {
            var frames = Math.Min((interleaved.Length - written) / channels, _buffer.Length / _blockAlign);
            frames = (int)Math.Min(frames, _bytesLeft / _blockAlign);
            var want = frames * _blockAlign;
            var got = _stream.ReadAtLeast(_buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            var whole = got / _blockAlign * _blockAlign;
            Convert(_buffer.AsSpan(0, whole), interleaved.Slice(written, whole / _bytesPerSample));
            written += whole / _bytesPerSample;
            _bytesLeft -= whole;
            if (got < want)
            {
                _bytesLeft = 0; // a truncated file simply ends at its last whole sample frame
                break;
            }
        }
        return written;
    }

    private void Convert(ReadOnlySpan<byte> bytes, Span<float> output)
    {
        switch (_bytesPerSample)
        {
            case 1:
                for (var i = 0; i < output.Length; i++)
                    output[i] = (bytes[i] - 128) * (1f / 128);
                break;
            case 2:
                for (var i = 0; i < output.Length; i++)
                    output[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]) * (1f / 32768);
                break;
            case 3:
                for (var i = 0; i < output.Length; i++)
                {
                    var j = 3 * i;
                    var value = (bytes[j] << 8 | bytes[j + 1] << 16 | bytes[j + 2] << 24) >> 8;
                    output[i] = value * (1f / 8388608);
                }
                break;
            case 4 when _isFloat:
                for (var i = 0; i < output.Length; i++)
                    output[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case 4:
                for (var i = 0; i < output.Length; i++)
                    output[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]) * (1.0 / 2147483648.0));
                break;
            default:
                for (var i = 0; i < output.Length; i++)
                    output[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
        }
    }

    private static void ReadInfo(ReadOnlySpan<byte> list, ref string? title, ref string? artist, ref string? genre)
    {
        while (list.Length >= 8)
        {
            var id = Encoding.ASCII.GetString(list[..4]);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(list[4..]), (uint)(list.Length - 8));
            var text = Encoding.UTF8.GetString(list.Slice(8, size)).TrimEnd('\0', ' ');
            if (text.Length > 0)
            {
                if (id == "INAM") title = text;
                else if (id == "IART") artist = text;
                else if (id == "IGNR") genre = text;
            }
            var advance = 8 + size + (size & 1);
            if (advance > list.Length)
                break;
            list = list[advance..];
        }
    }

    private void ReadExactly(Span<byte> target, string what)
    {
        if (_stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false) < target.Length)
            throw new AudioDecodingException($"WAV file ends inside its {what}");
    }

    private void Skip(long count, string id)
    {
        if (_stream.CanSeek)
        {
            if (_stream.Position + count > _stream.Length)
                throw new AudioDecodingException($"WAV '{id}' chunk claims {count} bytes, more than the file holds");
            _stream.Seek(count, SeekOrigin.Current);
            return;
        }
        var scratch = new byte[81920];
        while (count > 0)
        {
            var got = _stream.Read(scratch, 0, (int)Math.Min(count, scratch.Length));
            if (got == 0)
                throw new AudioDecodingException($"WAV '{id}' chunk claims more bytes than the file holds");
            count -= got;
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }
}

using System.Text;
using GenreOrleans.Dsp.Decoding.Mp3;

namespace GenreOrleans.Web.Uploads;

/// <summary>
/// Tells from the stored bytes, never from the file name, whether an upload is audio we can analyse.
/// MP3 gets a closer look (its frames are walked) because "MP3" is what people rename anything to.
/// </summary>
public sealed class AudioSniffer
{
    /// <summary>Fewer frames than this (about a quarter of a second) is no track to analyse.</summary>
    public const int MinimumMp3Frames = 10;

    /// <summary>Frames that must follow each other for a sync word to count as the start of MP3 audio.</summary>
    private const int ChainToConfirmSync = 3;

    private const int HeaderBytes = 4;

    /// <summary>How far past a tag or a broken frame to look for the next run of frames.</summary>
    private const int SyncSearchBytes = 64 * 1024;

    public AudioSniffResult Sniff(Stream file)
    {
        if (file.Length == 0)
            return AudioSniffResult.Refused(UploadRejection.Empty());

        Span<byte> head = stackalloc byte[12];
        var headLength = ReadAt(file, 0, head);
        head = head[..headLength];

        if (StartsWith(head, 0, "RIFF") && StartsWith(head, 8, "WAVE"))
            return AudioSniffResult.Recognised(AudioFormat.Wav);
        if (StartsWith(head, 0, "fLaC"))
            return AudioSniffResult.Recognised(AudioFormat.Flac);
        if (StartsWith(head, 0, "OggS"))
            return AudioSniffResult.Recognised(AudioFormat.Ogg);
        if (StartsWith(head, 4, "ftyp"))
            return AudioSniffResult.Recognised(AudioFormat.M4a);

        var audioStart = SkipId3v2Tags(file);
        var hasId3 = audioStart > 0;
        if (audioStart >= file.Length)
            return AudioSniffResult.Refused(UploadRejection.CorruptMp3("it has an ID3 tag but no audio frames."));

        Span<byte> first = stackalloc byte[HeaderBytes];
        var firstLength = ReadAt(file, audioStart, first);
        if (firstLength >= 2 && first[0] == 0xFF && (first[1] & 0xF6) == 0xF0)
            return AudioSniffResult.Recognised(AudioFormat.Aac);

        var frames = CountMp3Frames(file, audioStart);
        if (frames >= MinimumMp3Frames)
            return AudioSniffResult.Recognised(AudioFormat.Mp3);
        // An ID3 tag or a frame header right at the start says "MP3": then too little audio is damage, not a wrong format.
        var startsLikeMp3 = hasId3 || TryParseSized(first[..firstLength], out _);
        if (startsLikeMp3 || frames >= 2)
            return AudioSniffResult.Refused(UploadRejection.CorruptMp3(frames == 0
                ? "no MPEG audio frames were found."
                : $"only {frames} readable MPEG audio frame(s) were found."));
        return AudioSniffResult.Refused(UploadRejection.NotAudio());
    }

    /// <summary>Offset just past any ID3v2 tags at the start of the file (0 when there are none).</summary>
    private static long SkipId3v2Tags(Stream file)
    {
        long offset = 0;
        Span<byte> header = stackalloc byte[10];
        while (ReadAt(file, offset, header) == 10 && StartsWith(header, 0, "ID3"))
        {
            // The tag size is "syncsafe": four 7-bit bytes, so that it never contains a false frame sync.
            var size = (header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F);
            var hasFooter = (header[5] & 0x10) != 0;
            offset += 10 + size + (hasFooter ? 10 : 0);
        }
        return offset;
    }

    /// <summary>Walks the frames from the first confirmed sync, resynchronising over short damage.</summary>
    private static int CountMp3Frames(Stream file, long start)
    {
        var frames = 0;
        var offset = FindChainStart(file, start);
        Span<byte> bytes = stackalloc byte[HeaderBytes];
        while (offset >= 0)
        {
            if (ReadAt(file, offset, bytes) == HeaderBytes
                && TryParseSized(bytes, out var header)
                && offset + header.FrameLength <= file.Length)
            {
                frames++;
                offset += header.FrameLength;
                continue;
            }
            if (offset >= file.Length || IsTrailerTag(bytes))
                break;
            offset = FindChainStart(file, offset + 1);
        }
        return frames;
    }

    /// <summary>The first offset in the search range where several well-formed frames follow each other, or -1.</summary>
    private static long FindChainStart(Stream file, long from)
    {
        var window = new byte[SyncSearchBytes];
        var length = ReadAt(file, from, window);
        for (var i = 0; i + 1 < length; i++)
        {
            if (window[i] == 0xFF && (window[i + 1] & 0xE0) == 0xE0 && IsChainStart(file, from + i))
                return from + i;
        }
        return -1;
    }

    private static bool IsChainStart(Stream file, long offset)
    {
        Span<byte> bytes = stackalloc byte[HeaderBytes];
        Mp3FrameHeader? first = null;
        for (var n = 0; n < ChainToConfirmSync; n++)
        {
            if (ReadAt(file, offset, bytes) < HeaderBytes || !TryParseSized(bytes, out var header))
                return false;
            if (first is { } stream && !header.IsCompatibleWith(stream))
                return false;
            first ??= header;
            offset += header.FrameLength;
            // A short file whose frames end exactly at the end is a chain too.
            if (offset == file.Length)
                return n >= 1;
            if (offset > file.Length)
                return false;
        }
        return true;
    }

    /// <summary>A header whose frame length is known (free-format frames are too rare to be worth the search).</summary>
    private static bool TryParseSized(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header) =>
        Mp3FrameHeader.TryParse(bytes, out header) && header.FrameLength > 0;

    private static bool IsTrailerTag(ReadOnlySpan<byte> bytes) =>
        StartsWith(bytes, 0, "TAG") || StartsWith(bytes, 0, "APET") || StartsWith(bytes, 0, "LYRI");

    private static bool StartsWith(ReadOnlySpan<byte> bytes, int at, string ascii) =>
        bytes.Length >= at + ascii.Length && bytes.Slice(at, ascii.Length).SequenceEqual(Encoding.ASCII.GetBytes(ascii));

    private static int ReadAt(Stream file, long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset >= file.Length)
            return 0;
        file.Position = offset;
        var total = 0;
        while (total < buffer.Length)
        {
            var read = file.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }
}

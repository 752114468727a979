using System.Text;

namespace GenreOrleans.Dsp.Decoding;

/// <summary>Tells the audio format from the first bytes of a file, never from its name.</summary>
internal static class AudioFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int PrefixBytes = 16384;

    /// <returns>"mp3", "mp2" (MPEG layer I/II), "wav", "flac", "ogg", "opus", "m4a", "aac", or null when unknown.</returns>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && (Ascii(head, 0, "RIFF") || Ascii(head, 0, "RF64")) && Ascii(head, 8, "WAVE"))
            return "wav";
        if (Ascii(head, 0, "fLaC"))
            return "flac";
        if (Ascii(head, 0, "OggS"))
            return head.IndexOf("OpusHead"u8) is >= 0 and < 64 ? "opus" : "ogg";
        if (head.Length >= 12 && Ascii(head, 4, "ftyp"))
            return "m4a";

        var start = 0;
        // ID3v2 may precede MP3 (usual) or ADTS AAC (rare); look at what follows it when it is in view.
        if (Ascii(head, 0, "ID3") && head.Length >= 10)
        {
            var size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F);
            start = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
            if (start + 4 > head.Length)
                return "mp3";
        }
        for (var i = start; i + 4 <= head.Length; i++)
        {
            if (head[i] != 0xFF || (head[i + 1] & 0xE0) != 0xE0)
                continue;
            if ((head[i + 1] & 0xF6) == 0xF0)
                return "aac"; // ADTS: MPEG sync with layer bits 00
            if (LooksLikeMpegAudio(head, i, out var layer))
                return layer == 3 ? "mp3" : "mp2"; // layers I and II are rare enough to leave to ffmpeg
        }
        return start > 0 ? "mp3" : null;
    }

    /// <summary>A plausible MPEG audio header at <paramref name="i"/> followed by another at the computed frame length.</summary>
    private static bool LooksLikeMpegAudio(ReadOnlySpan<byte> head, int i, out int layer)
    {
        var length = Mp3.Mp3FrameHeader.TryParse(head[i..], out var header) ? header.FrameLength : 0;
        layer = header.Layer;
        if (length <= 0)
            return false;
        var next = i + length;
        if (next + 4 > head.Length)
            return i == 0; // a lone frame at the very start of a tiny file
        return Mp3.Mp3FrameHeader.TryParse(head[next..], out var second) && second.IsCompatibleWith(header);
    }

    private static bool Ascii(ReadOnlySpan<byte> head, int offset, string text) =>
        head.Length >= offset + text.Length && Encoding.ASCII.GetString(head.Slice(offset, text.Length)) == text;
}

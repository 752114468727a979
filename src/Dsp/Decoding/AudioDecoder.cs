using GenreOrleans.Dsp.Decoding.Ffmpeg;
using GenreOrleans.Dsp.Decoding.Mp3;
using GenreOrleans.Dsp.Decoding.Wav;

namespace GenreOrleans.Dsp.Decoding;

/// <summary>Opens a decoder for any supported audio stream, choosing it from the stream's bytes.</summary>
public static class AudioDecoder
{
    /// <summary>
    /// Sniffs the format and returns a decoder positioned at the first sample: MP3 and WAV are decoded
    /// in-process (MP3 by <see cref="Mp3Decoder"/>); FLAC, Ogg Vorbis, Opus, M4A and ADTS AAC go through ffmpeg when it is installed.
    /// The decoder owns <paramref name="stream"/> unless <paramref name="leaveOpen"/> is set.
    /// </summary>
    /// <exception cref="AudioDecodingException">Unknown format, corrupt header, or a missing ffmpeg.</exception>
    public static IAudioDecoder Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[AudioFormatSniffer.PrefixBytes];
        var start = stream.CanSeek ? stream.Position : -1;
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length == 0)
            throw new AudioDecodingException("the audio stream is empty");
        var format = AudioFormatSniffer.Detect(head.AsSpan(0, length))
            ?? throw new AudioDecodingException("unrecognised audio format: not MP3, WAV, FLAC, Ogg, Opus, M4A or AAC");
        // A seekable stream is rewound (keeping its length visible for duration estimates); others replay the prefix.
        Stream replay = start >= 0 ? stream : new PrefixedStream(head, length, stream, leaveOpen);
        if (start >= 0)
            stream.Position = start;
        var owned = start < 0 || !leaveOpen;
        try
        {
            return format switch
            {
                "wav" => new WavReader(replay, leaveOpen: !owned),
                "mp3" => new Mp3Decoder(replay, leaveOpen: !owned),
                _ => new FfmpegDecoder(replay, format, leaveOpen: !owned),
            };
        }
        catch
        {
            if (owned)
                replay.Dispose();
            throw;
        }
    }
}

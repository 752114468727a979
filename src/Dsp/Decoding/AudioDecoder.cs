using GenreOrleans.Dsp.Decoding.Ffmpeg;
using GenreOrleans.Dsp.Decoding.Mp3;
using GenreOrleans.Dsp.Decoding.Wav;

namespace GenreOrleans.Dsp.Decoding;

/// <summary>Opens a decoder for any supported audio stream, choosing it from the stream's bytes.</summary>
public static class AudioDecoder
{
    /// <summary>
    /// Sniffs the format and returns a decoder positioned at the first sample: MP3 and WAV are decoded
    /// in-process; FLAC, Ogg Vorbis, Opus, M4A and ADTS AAC go through ffmpeg when it is installed.
    /// The decoder owns <paramref name="stream"/> unless <paramref name="leaveOpen"/> is set.
    /// </summary>
    /// <exception cref="AudioDecodingException">Unknown format, corrupt header, or a missing ffmpeg.</exception>
    public static IAudioDecoder Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[AudioFormatSniffer.PrefixBytes];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length == 0)
            throw new AudioDecodingException("the audio stream is empty");
        var format = AudioFormatSniffer.Detect(head.AsSpan(0, length))
            ?? throw new AudioDecodingException("unrecognised audio format: not MP3, WAV, FLAC, Ogg, Opus, M4A or AAC");
        Stream replay = new PrefixedStream(head, length, stream, leaveOpen);
        try
        {
            return format switch
            {
                "wav" => new WavReader(replay),
                "mp3" => OpenMp3(replay),
                _ => new FfmpegDecoder(replay, format),
            };
        }
        catch
        {
            replay.Dispose();
            throw;
        }
    }

    private static IAudioDecoder OpenMp3(Stream stream) => new FfmpegDecoder(stream, "mp3");
}

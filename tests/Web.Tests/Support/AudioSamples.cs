using System.Text;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Bytes that look like (or pretend to be) audio, made in the test rather than read from anywhere.</summary>
public static class AudioSamples
{
    /// <summary>MPEG-1 Layer III, 128 kbps, 44.1 kHz, no padding: each frame is 417 bytes.</summary>
    private static readonly byte[] Mp3Header = [0xFF, 0xFB, 0x90, 0x00];

    public const int Mp3FrameLength = 417;

    /// <summary>A chain of well-formed (silent) MP3 frames, optionally after an ID3v2 tag.</summary>
    public static byte[] Mp3Frames(int frames, bool withId3 = false)
    {
        using var stream = new MemoryStream();
        if (withId3)
            stream.Write(Id3Tag(tagBodyBytes: 64));
        for (var i = 0; i < frames; i++)
        {
            var frame = new byte[Mp3FrameLength];
            Mp3Header.CopyTo(frame, 0);
            stream.Write(frame);
        }
        return stream.ToArray();
    }

    /// <summary>An ID3v2.4 tag with an empty body of the given size (syncsafe length).</summary>
    public static byte[] Id3Tag(int tagBodyBytes)
    {
        var tag = new byte[10 + tagBodyBytes];
        Encoding.ASCII.GetBytes("ID3").CopyTo(tag, 0);
        tag[3] = 4;
        tag[6] = (byte)((tagBodyBytes >> 21) & 0x7F);
        tag[7] = (byte)((tagBodyBytes >> 14) & 0x7F);
        tag[8] = (byte)((tagBodyBytes >> 7) & 0x7F);
        tag[9] = (byte)(tagBodyBytes & 0x7F);
        return tag;
    }

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>not a song</title></head><body><script>alert(1)</script></body></html>");

    /// <summary>A RIFF/WAVE header with a second of 16-bit mono silence at 22,050 Hz.</summary>
    public static byte[] Wav() => Pcm16Wav.Encode(new short[22050], sampleRate: 22050, channels: 1);

    /// <summary>Deterministic noise with no MPEG frame sync in it.</summary>
    public static byte[] NoiseWithoutSync(int length)
    {
        var random = new Random(1234);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF)
                bytes[i] = 0xFE;
        }
        return bytes;
    }
}

namespace GenreOrleans.Tests.Shared;

/// <summary>
/// Encodes 16-bit PCM WAV files for tests that need real audio made in the test rather than
/// read from ../shared. (Reader tests that vary the format tag or chunk layout build their own bytes.)
/// </summary>
public static class Pcm16Wav
{
    /// <summary>A canonical 44-byte-header WAV of the given interleaved samples.</summary>
    public static byte[] Encode(ReadOnlySpan<short> interleaved, int sampleRate, int channels)
    {
        var dataBytes = interleaved.Length * sizeof(short);
        using var stream = new MemoryStream(44 + dataBytes);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * sizeof(short));
        writer.Write((short)(channels * sizeof(short)));
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        foreach (var sample in interleaved)
            writer.Write(sample);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Writes the WAV to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, ReadOnlySpan<short> interleaved, int sampleRate, int channels)
    {
        File.WriteAllBytes(path, Encode(interleaved, sampleRate, channels));
        return path;
    }
}

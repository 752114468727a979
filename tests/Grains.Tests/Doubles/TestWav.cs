using System.Text;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>Writes a real 16-bit PCM mono WAV file (a 440 Hz tone) for upload tests.</summary>
internal static class TestWav
{
    public static string Write(string path, double seconds, int sampleRate = 22050)
    {
        var samples = (int)(seconds * sampleRate);
        using var writer = new BinaryWriter(File.Create(path), Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
            writer.Write((short)(short.MaxValue * 0.5 * Math.Sin(2 * Math.PI * 440 * i / sampleRate)));
        return path;
    }
}

namespace GenreOrleans.Cli.Tests.Support;

/// <summary>Small 16-bit PCM WAV files made in the test: a tone with a click on every beat.</summary>
internal static class TestAudio
{
    public static string WriteBeatWav(string directory, string name, double seconds, int sampleRate = 22050)
    {
        var count = (int)(seconds * sampleRate);
        var samples = new short[count];
        var beat = sampleRate * 60 / 128;
        for (var i = 0; i < count; i++)
        {
            var tone = 0.2 * Math.Sin(2 * Math.PI * 220 * i / sampleRate);
            var click = i % beat < 200 ? 0.6 * Math.Exp(-(i % beat) / 40.0) : 0;
            samples[i] = (short)Math.Round(short.MaxValue * (tone + click));
        }
        var path = Path.Combine(directory, name);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + count * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(count * 2);
        foreach (var sample in samples)
            writer.Write(sample);
        return path;
    }

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "genre-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

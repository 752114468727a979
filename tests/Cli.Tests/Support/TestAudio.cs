using GenreOrleans.Tests.Shared;

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
        return Pcm16Wav.Write(Path.Combine(directory, name), samples, sampleRate, channels: 1);
    }
}

using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>Writes a real 16-bit PCM mono WAV file (a 440 Hz tone) for upload tests.</summary>
internal static class TestWav
{
    public static string Write(string path, double seconds, int sampleRate = 22050)
    {
        var samples = new short[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(short.MaxValue * 0.5 * Math.Sin(2 * Math.PI * 440 * i / sampleRate));
        return Pcm16Wav.Write(path, samples, sampleRate, channels: 1);
    }
}

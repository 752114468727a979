namespace GenreOrleans.Bench.Decoding;

/// <summary>A busy synthetic stereo signal (chords, sweeps, noise bursts) written as 16-bit WAV, for encoding test files.</summary>
internal static class SyntheticSignal
{
    public static void WriteWav(string path, int rate, int seconds)
    {
        var frames = rate * seconds;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + frames * 4);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(rate);
        writer.Write(rate * 4);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 4);
        var random = new Random(11);
        var burst = 0.0;
        for (var n = 0; n < frames; n++)
        {
            var t = (double)n / rate;
            if (n % (rate / 6) == 0)
                burst = 0.5;
            burst *= 0.9995;
            var noise = random.NextDouble() * 2 - 1;
            var left = 0.2 * Math.Sin(2 * Math.PI * 220 * t) + 0.1 * Math.Sin(2 * Math.PI * (300 + 40 * Math.Sin(t)) * 7 * t) + burst * noise;
            var right = 0.2 * Math.Sin(2 * Math.PI * 330 * t + 1) + 0.08 * noise + 0.6 * burst * noise;
            writer.Write((short)Math.Clamp(left * 32767, -32768, 32767));
            writer.Write((short)Math.Clamp(right * 32767, -32768, 32767));
        }
    }
}

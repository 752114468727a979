namespace GenreOrleans.Dsp.Tests.Rhythm;

/// <summary>
/// Onset strength envelopes built directly from a rhythm: each hit is a short decaying bump at
/// its frame (22,050 Hz, hop 512), the shape a spectral flux gives a drum hit.
/// </summary>
internal static class SyntheticOnsetEnvelope
{
    public const double FrameRate = 22050.0 / 512;

    /// <summary>
    /// Repeats a one-bar pattern of (position in beats, strength) hits at <paramref name="bpm"/>
    /// for <paramref name="seconds"/>, over a little deterministic noise.
    /// </summary>
    public static float[] FromPattern(double bpm, double seconds, (double Beat, double Strength)[] bar, int beatsPerBar = 4, int seed = 1)
    {
        var frames = (int)(seconds * FrameRate);
        var envelope = new float[frames];
        var random = new Random(seed);
        for (var i = 0; i < frames; i++) envelope[i] = (float)(0.05 * random.NextDouble());
        var beatFrames = 60 * FrameRate / bpm;
        for (var barStart = 0.0; barStart < frames; barStart += beatsPerBar * beatFrames)
        {
            foreach (var (beat, strength) in bar)
            {
                var position = barStart + beat * beatFrames;
                var frame = (int)Math.Round(position);
                for (var k = 0; k < 4 && frame + k < frames; k++)
                    envelope[frame + k] += (float)(strength * Math.Exp(-k));
            }
        }
        return envelope;
    }

    /// <summary>Kick on every beat, clap on 2 and 4, closed hi-hat on the off-beats: house music.</summary>
    public static readonly (double, double)[] FourOnTheFloor =
        [(0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0), (1, 0.6), (3, 0.6), (0.5, 0.35), (1.5, 0.35), (2.5, 0.35), (3.5, 0.35)];

    /// <summary>Two-step drum and bass: kick on 1 and the "and" of 3, snare on 2 and 4, hats on eighths.</summary>
    public static readonly (double, double)[] TwoStep =
        [(0, 1.0), (2.5, 0.9), (1, 1.0), (3, 1.0), (0.5, 0.3), (1.5, 0.3), (2, 0.3), (3.5, 0.3)];

    /// <summary>Snare on 2 and 4 only: what the backbeat band of a two-step or hip hop bar holds.</summary>
    public static readonly (double, double)[] Backbeat = [(1, 1.0), (3, 1.0)];

    /// <summary>Hip hop: kick on 1 and the "and" of 2, snare on 2 and 4, hats on every eighth.</summary>
    public static readonly (double, double)[] BoomBap =
        [(0, 1.0), (1.5, 0.8), (1, 1.0), (3, 1.0), (0, 0.5), (0.5, 0.5), (1, 0.5), (1.5, 0.5), (2, 0.5), (2.5, 0.5), (3, 0.5), (3.5, 0.5)];
}

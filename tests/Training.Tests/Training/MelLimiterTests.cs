using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class MelLimiterTests
{
    private const int Bands = 8, Frames = 40;

    [Fact]
    public void The_loudest_frame_keeps_its_level_and_quiet_frames_come_up_by_the_depth()
    {
        var window = Window(t => t == 10 ? -10f : -40f);
        var original = window.ToArray();

        new MelLimiter(512.0 / 22050).Apply(window, new float[2 * Bands], Bands, Frames, depth: 10);

        Assert.Equal(original[10], window[10], 3);            // the peak sits at the ceiling plus make-up: unchanged
        Assert.Equal(original[0] + 10, window[0], 3);         // before the peak: raised by the full make-up gain
        Assert.InRange(window[11] - original[11], 0f, 10f);   // just after: the reduction is still releasing
        Assert.Equal(original[Frames - 1] + 10, window[Frames - 1], 2);
    }

    [Fact]
    public void One_gain_acts_on_every_band_of_a_frame()
    {
        var window = Window(t => t % 5 == 0 ? -5f : -30f);
        var original = window.ToArray();

        new MelLimiter(512.0 / 22050).Apply(window, new float[2 * Bands], Bands, Frames, depth: 12);

        for (var t = 0; t < Frames; t++)
        {
            var change = window[t] - original[t];
            for (var b = 1; b < Bands; b++)
                Assert.Equal(change, window[b * Frames + t] - original[b * Frames + t], 4);
        }
    }

    [Fact]
    public void The_summary_follows_the_bands_mean_and_narrower_spread()
    {
        var window = Window(t => t % 4 == 0 ? -6f : -36f);
        var summary = new float[2 * Bands];
        for (var b = 0; b < Bands; b++)
        {
            summary[b] = Mean(window, b);
            summary[Bands + b] = Deviation(window, b);
        }

        new MelLimiter(512.0 / 22050).Apply(window, summary, Bands, Frames, depth: 12);

        for (var b = 0; b < Bands; b++)
        {
            Assert.Equal(Mean(window, b), summary[b], 3);
            Assert.Equal(Deviation(window, b), summary[Bands + b], 3);
        }
        Assert.True(summary[Bands] < 15f, "a limiter narrows the dynamics of the band");
    }

    private static float[] Window(Func<int, float> level)
    {
        var window = new float[Bands * Frames];
        for (var b = 0; b < Bands; b++)
            for (var t = 0; t < Frames; t++)
                window[b * Frames + t] = level(t) - b;
        return window;
    }

    private static float Mean(float[] window, int band) => window.Skip(band * Frames).Take(Frames).Average();

    private static float Deviation(float[] window, int band)
    {
        var mean = Mean(window, band);
        return MathF.Sqrt(window.Skip(band * Frames).Take(Frames).Select(v => (v - mean) * (v - mean)).Average());
    }
}

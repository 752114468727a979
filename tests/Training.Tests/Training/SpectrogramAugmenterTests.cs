using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class SpectrogramAugmenterTests
{
    [Fact]
    public void The_summary_follows_the_windows_band_levels_and_band_limit_drops_bands_to_the_floor()
    {
        const int bands = 128, frames = 64;
        var random = new Random(5);
        var hits = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var window = Enumerable.Range(0, bands * frames).Select(_ => (float)(-40 + 10 * random.NextDouble())).ToArray();
            var before = BandMeans(window, bands, frames);
            var summary = before.Concat(Enumerable.Repeat(1f, bands)).ToArray();

            new SpectrogramAugmenter(bands, 22050, seed).Apply(window, summary, bands, frames);

            var after = BandMeans(window, bands, frames);
            for (var b = 0; b < bands; b++)
            {
                // Masks change the window but not the clip's summary; compare only unmasked-looking bands loosely.
                hits += Math.Abs(after[b] - summary[b]) < 0.5 ? 1 : 0;
            }
        }
        // Time and frequency masks move some band means; the rest must agree with the summary.
        Assert.True(hits > 0.8 * 40 * bands, $"only {hits} of {40 * bands} band means agree with the summary");
    }

    [Fact]
    public void The_default_tilt_and_compression_are_the_shipped_recipe_and_a_wider_tilt_moves_the_bands_further()
    {
        const int bands = 128, frames = 64;
        float[] Augmented(SpectrogramAugmenter augmenter)
        {
            var window = Enumerable.Range(0, bands * frames).Select(i => (float)(-40 + 10 * Math.Sin(i * 0.37))).ToArray();
            augmenter.Apply(window, new float[2 * bands], bands, frames);
            return window;
        }
        double Spread(float[] window) => BandMeans(window, bands, frames) is var m ? m.Max() - m.Min() : 0;

        Assert.Equal(Augmented(new SpectrogramAugmenter(bands, 22050, 3)), Augmented(new SpectrogramAugmenter(bands, 22050, 3, tiltDb: 6, compressionShare: 0.3)));
        // Seeds whose windows draw a tilt: over ten of them a ±24 dB tilt spreads the band means more than ±6 dB.
        var narrow = Enumerable.Range(0, 10).Sum(seed => Spread(Augmented(new SpectrogramAugmenter(bands, 22050, seed))));
        var wide = Enumerable.Range(0, 10).Sum(seed => Spread(Augmented(new SpectrogramAugmenter(bands, 22050, seed, tiltDb: 24))));
        Assert.True(wide > narrow, $"{wide:F1} against {narrow:F1}");
    }

    private static float[] BandMeans(float[] window, int bands, int frames) =>
        Enumerable.Range(0, bands).Select(b => window.Skip(b * frames).Take(frames).Average()).ToArray();
}

using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Tests.Training;

public sealed class TempoStretchCropTests
{
    private const int Bands = 4, Frames = 16;

    [Fact]
    public void A_window_at_twice_the_tempo_averages_each_pair_of_source_frames()
    {
        var mel = RandomMel(Bands, 80, seed: 1);
        var window = new float[Bands * Frames];

        new TempoStretchCrop(Bands, Frames, maxRate: 2).Copy(mel, start: 10, sourceFrames: 2 * Frames, window, Frames);

        for (var b = 0; b < Bands; b++)
        for (var t = 0; t < Frames; t++)
        {
            var expected = (mel[b, 10 + 2 * t] + mel[b, 11 + 2 * t]) / 2;
            Assert.Equal(expected, window[b * Frames + t], 5);
        }
    }

    [Fact]
    public void A_window_at_the_clips_own_tempo_is_the_plain_crop()
    {
        var mel = RandomMel(Bands, 40, seed: 2);
        var stretched = new float[Bands * Frames];
        var plain = new float[Bands * Frames];

        new TempoStretchCrop(Bands, Frames, maxRate: 1.1).Copy(mel, start: 7, sourceFrames: Frames, stretched, Frames);
        WindowSlicer.CopyWindow(mel, 7, Frames, plain);

        Assert.Equal(plain, stretched);
    }

    [Fact]
    public void A_slower_window_keeps_the_first_and_last_source_frames_at_its_ends()
    {
        var mel = RandomMel(Bands, 40, seed: 3);
        var window = new float[Bands * Frames];
        var sourceFrames = TempoStretchCrop.SourceFrames(Frames, 0.75);

        new TempoStretchCrop(Bands, Frames, maxRate: 1).Copy(mel, start: 5, sourceFrames, window, Frames);

        for (var b = 0; b < Bands; b++)
        {
            Assert.Equal(mel[b, 5], window[b * Frames], 4);
            Assert.Equal(mel[b, 5 + sourceFrames - 1], window[b * Frames + Frames - 1], 4);
        }
    }

    private static FeatureMatrix RandomMel(int bands, int frames, int seed)
    {
        var random = new Random(seed);
        return new FeatureMatrix(bands, frames, Enumerable.Range(0, bands * frames).Select(_ => (float)(-60 + 40 * random.NextDouble())).ToArray());
    }
}

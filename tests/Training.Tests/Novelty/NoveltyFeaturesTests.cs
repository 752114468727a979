using GenreOrleans.Dsp.Features;
using GenreOrleans.Training.Novelty;

namespace GenreOrleans.Training.Tests.Novelty;

public sealed class NoveltyFeaturesTests
{
    private static IEnumerable<string> Chosen => NoveltyFeatures.Indices.Select(i => FeatureSummary.Names[i]);

    [Fact]
    public void Statistics_that_mostly_measure_the_top_of_the_spectrum_are_left_out()
    {
        Assert.DoesNotContain(Chosen, n => n.StartsWith("spectral_rolloff", StringComparison.Ordinal)
            || n.StartsWith("spectral_flatness", StringComparison.Ordinal) || n.StartsWith("zero_crossing_rate", StringComparison.Ordinal)
            || n.StartsWith("spectral_contrast[6]", StringComparison.Ordinal) || n.StartsWith("mfcc_20[19]", StringComparison.Ordinal));
    }

    [Fact]
    public void Low_mfccs_chroma_and_the_lower_contrast_bands_are_read()
    {
        Assert.Contains("mfcc_20[0].mean", Chosen);
        Assert.Contains("mfcc_20[12].std", Chosen);
        Assert.Contains("chroma_stft[11].mean", Chosen);
        Assert.Contains("spectral_contrast[5].mean", Chosen);
    }
}

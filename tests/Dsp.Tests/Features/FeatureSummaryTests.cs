using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tests.Features;

public sealed class FeatureSummaryTests
{
    [Fact]
    public void Has_a_name_for_every_value()
    {
        var features = new FeatureExtractor().Extract(FeatureExtractorRobustnessTests.Make("clipped sine"));

        var vector = FeatureSummary.Compute(features);

        Assert.Equal(FeatureSummary.Names.Count, vector.Length);
        Assert.Equal(93, vector.Length);
        Assert.Equal(FeatureSummary.Names.Count, FeatureSummary.Names.Distinct().Count());
    }

    [Fact]
    public void Holds_the_mean_and_population_std_of_each_row()
    {
        var features = new FeatureExtractor().Extract(FeatureExtractorRobustnessTests.Make("clipped sine"));
        var rms = features.Rms.Row(0).ToArray().Select(v => (double)v).ToArray();
        var mean = rms.Average();
        var std = Math.Sqrt(rms.Select(v => (v - mean) * (v - mean)).Average());

        var vector = FeatureSummary.Compute(features);

        var names = FeatureSummary.Names.ToList();
        Assert.Equal(mean, vector[names.IndexOf("rms.mean")], 1e-6);
        Assert.Equal(std, vector[names.IndexOf("rms.std")], 1e-6);
        Assert.Equal(features.TempoBpm, vector[names.IndexOf("tempo_bpm")], 1e-3);
    }
}

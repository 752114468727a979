using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public class DescriptorVectorTests
{
    private static float[] Compute(double bpm, double confidence = 0.7) =>
        DescriptorVector.Compute(new float[FeatureSummary.Length], new TempoReading(bpm, confidence, null), new float[RhythmProfile.Length], new float[ModulationSpectrum.Length]);

    [Fact]
    public void Names_and_values_have_the_versioned_length()
    {
        Assert.Equal(DescriptorVector.Length, DescriptorVector.Names.Count);
        Assert.Equal(DescriptorVector.Length, Compute(120).Length);
        Assert.Equal(FeatureSummary.Length + DescriptorVector.TempoBins + 1 + RhythmProfile.Length + ModulationSpectrum.Length, DescriptorVector.Length);
    }

    [Fact]
    public void A_tempo_lights_the_bin_nearest_it_on_the_log_tempo_axis()
    {
        var bins = Compute(174).AsSpan(FeatureSummary.Length, DescriptorVector.TempoBins).ToArray();

        var nearest = Enumerable.Range(0, DescriptorVector.TempoBins).MinBy(k =>
            Math.Abs(Math.Log2(DescriptorVector.LowestBinBpm) + k * (Math.Log2(DescriptorVector.HighestBinBpm) - Math.Log2(DescriptorVector.LowestBinBpm)) / (DescriptorVector.TempoBins - 1) - Math.Log2(174)));
        Assert.Equal(nearest, Array.IndexOf(bins, bins.Max()));
        Assert.True(bins[0] < 1e-6);
    }

    [Fact]
    public void An_unmeasured_tempo_leaves_every_bin_and_the_confidence_at_zero()
    {
        var vector = Compute(0, 0);

        Assert.All(vector.AsSpan(FeatureSummary.Length, DescriptorVector.TempoBins + 1).ToArray(), v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(70)]
    [InlineData(87.4)]
    [InlineData(126.9)]
    [InlineData(174)]
    [InlineData(200)]
    public void The_tempo_can_be_read_back_from_the_bins(double bpm)
    {
        Assert.Equal(bpm, DescriptorVector.TempoBpm(Compute(bpm)), 3);
    }

    [Fact]
    public void A_vector_without_a_tempo_reads_back_zero()
    {
        Assert.Equal(0, DescriptorVector.TempoBpm(Compute(0, 0)));
    }
}

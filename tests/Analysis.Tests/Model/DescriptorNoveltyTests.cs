using GenreOrleans.Analysis.Model;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class DescriptorNoveltyTests
{
    [Fact]
    public void Distance_is_the_mahalanobis_distance_of_the_standardised_values_at_its_indices()
    {
        // Indices 2 and 0; scaler: mean (1, 0), deviation (2, 1); precision diag(1, 4): standardised (1, 1) -> sqrt(1 + 4).
        var novelty = new DescriptorNovelty("v", [2, 0], new ScalerValues([1f, 0f], [2f, 1f]), [1f, 0f, 0f, 4f], Threshold: 2);

        var distance = novelty.Distance([1f, 99f, 3f]);

        Assert.Equal(Math.Sqrt(5), distance, 6);
    }

    [Fact]
    public void Only_a_distance_above_the_threshold_is_unfamiliar()
    {
        var novelty = TinyModel.EuclideanNovelty(2, threshold: 5);

        Assert.False(novelty.IsUnfamiliar([3f, 4f]));
        Assert.True(novelty.IsUnfamiliar([3f, 4.1f]));
    }

    [Fact]
    public void A_vector_without_every_index_is_refused()
    {
        var novelty = TinyModel.EuclideanNovelty(3, threshold: 1);

        Assert.Throws<ArgumentException>(() => novelty.Distance([1f, 2f]));
    }

    [Fact]
    public void The_measure_survives_a_model_json_round_trip()
    {
        using var folder = new TemporaryDirectory("genre-analysis-tests");
        var directory = TinyModel.Create(folder.Path, descriptorNovelty: TinyModel.EuclideanNovelty(2, threshold: 3.5));

        var read = ModelManifest.Read(directory).DescriptorNovelty!;

        Assert.Equal(3.5, read.Threshold);
        Assert.Equal(new[] { 1f, 0f, 0f, 1f }, read.Precision);
    }
}

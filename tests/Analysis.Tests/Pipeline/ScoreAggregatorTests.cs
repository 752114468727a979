using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public sealed class ScoreAggregatorTests
{
    // Two windows over two classes: one sure of class 0, one undecided.
    private static readonly float[] Windows = { 0.98f, 0.02f, 0.5f, 0.5f };

    [Fact]
    public void Mean_probability_averages_the_windows()
    {
        var result = ScoreAggregator.Aggregate(Windows, 2, ScoreAggregation.MeanProbability);
        Assert.Equal(0.74, result[0], 6);
        Assert.Equal(0.26, result[1], 6);
    }

    [Fact]
    public void Mean_log_probability_is_the_normalised_geometric_mean()
    {
        var result = ScoreAggregator.Aggregate(Windows, 2, ScoreAggregation.MeanLogProbability);
        var a = Math.Sqrt(0.98 * 0.5);
        var b = Math.Sqrt(0.02 * 0.5);
        Assert.Equal(a / (a + b), result[0], 6);
        Assert.Equal(1.0, result.Sum(), 9);
    }

    [Fact]
    public void Families_sum_their_genres()
    {
        var families = ScoreAggregator.Families(new[] { 0.1, 0.2, 0.7 }, new[] { 1, 0, 1 }, 2);
        Assert.Equal(0.2, families[0], 9);
        Assert.Equal(0.8, families[1], 9);
    }
}

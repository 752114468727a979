using GenreOrleans.Training.Novelty;

namespace GenreOrleans.Training.Tests.Novelty;

public sealed class NoveltyFitTests
{
    private static List<float[]> Sample(Random random, int count, double offset) =>
        Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 6).Select(d => (float)(offset + Normal(random) * (d + 1))).ToArray()).ToList();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void About_the_chosen_share_of_new_clips_from_the_training_distribution_is_flagged()
    {
        var random = new Random(3);
        var novelty = NoveltyFit.Fit(Sample(random, 600, 0), [0, 1, 2, 3, 4, 5], "v", shrinkage: 0.1, flaggedShare: 0.1, seed: 1);

        var flagged = Sample(random, 2000, 0).Count(v => novelty.IsUnfamiliar(v)) / 2000.0;

        Assert.InRange(flagged, 0.06, 0.14);
    }

    [Fact]
    public void Clips_from_a_distant_distribution_are_flagged()
    {
        var random = new Random(4);
        var novelty = NoveltyFit.Fit(Sample(random, 600, 0), [0, 1, 2, 3, 4, 5], "v", shrinkage: 0.1, flaggedShare: 0.1, seed: 1);

        var flagged = Sample(random, 200, 8).Count(v => novelty.IsUnfamiliar(v)) / 200.0;

        Assert.True(flagged > 0.9, $"flagged {flagged:P0}");
    }

    [Fact]
    public void Values_outside_the_indices_do_not_count()
    {
        var random = new Random(5);
        var rows = Sample(random, 300, 0).Select(r => r.Prepend(0f).ToArray()).ToList();
        var novelty = NoveltyFit.Fit(rows, [1, 2, 3, 4, 5, 6], "v", shrinkage: 0.1, flaggedShare: 0.1, seed: 1);
        var typical = rows[0].ToArray();

        typical[0] = 1e6f;

        Assert.Equal(novelty.Distance(rows[0]), novelty.Distance(typical));
    }
}

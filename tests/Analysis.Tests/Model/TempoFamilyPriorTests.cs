using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class TempoFamilyPriorTests
{
    private static readonly string[] Families = ["House", "Jungle"];

    // Genres 0 and 1 are House, genre 2 is Jungle.
    private static readonly LabelMap Labels = new(
        [new GenreLabel("deephouse", "Deep House", "House"), new GenreLabel("tribalhouse", "Tribal House", "House"), new GenreLabel("drumnbass", "Drum 'n' Bass", "Jungle")],
        Families);

    private static TempoFamilyPrior Prior(double weight = 1) => TempoFamilyPrior.Fit(
        [("House", 124), ("House", 126), ("House", 128), ("Jungle", 170), ("Jungle", 174), ("Jungle", 176)], weight, 0.1);

    [Fact]
    public void A_family_is_likelier_at_its_own_clips_tempo()
    {
        var at125 = Prior().FamilyLikelihoods(125, Families);
        var at174 = Prior().FamilyLikelihoods(174, Families);

        Assert.True(at125[0] > 10 * at125[1]);
        Assert.True(at174[1] > 10 * at174[0]);
    }

    [Fact]
    public void Every_family_keeps_the_floor_far_from_its_clips()
    {
        var likelihoods = Prior().FamilyLikelihoods(70, Families);

        Assert.All(likelihoods, l => Assert.InRange(l, TempoFamilyPrior.DensityFloor, TempoFamilyPrior.DensityFloor * 1.01));
    }

    [Fact]
    public void Applying_it_moves_probability_towards_the_family_of_the_tempo_and_keeps_a_distribution()
    {
        double[] genres = [0.3, 0.2, 0.5];

        var result = Prior().Apply(genres, Labels, 126);

        Assert.Equal(1.0, result.Sum(), 9);
        Assert.True(result[0] + result[1] > 0.9);
        Assert.Equal(0.3 / 0.2, result[0] / result[1], 9); // within a family nothing changes
    }

    [Fact]
    public void A_track_without_a_tempo_or_a_zero_weight_keeps_its_distribution()
    {
        double[] genres = [0.3, 0.2, 0.5];

        Assert.Equal(genres, Prior().Apply(genres, Labels, 0));
        Assert.Equal(genres, Prior(weight: 0).Apply(genres, Labels, 126));
    }

    [Fact]
    public void Clips_without_a_tempo_are_left_out_of_the_fit()
    {
        var prior = TempoFamilyPrior.Fit([("House", 0), ("House", 125), ("Jungle", double.NaN)], 1, 0.1);

        Assert.Single(prior.Log2Tempos["House"]);
        Assert.False(prior.Log2Tempos.ContainsKey("Jungle"));
    }
}

using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class FamilyCheckTests
{
    private static FamilyCheck.Clip Clip(string family, string group, double house, bool lowConfidence = false) =>
        new(family, group, new Dictionary<string, double> { ["House"] = house, ["Techno"] = 1 - house }, lowConfidence);

    [Fact]
    public void Clips_of_one_track_vote_with_their_mean_family_distribution()
    {
        // One clip says House strongly, two say Techno weakly: the mean says House.
        var check = FamilyCheck.Of("t", [Clip("House", "a", 0.95), Clip("House", "a", 0.4), Clip("House", "a", 0.45)]);

        Assert.Equal(1 / 3.0, check.FamilyTop1, 6);
        Assert.Equal(1, check.Groups);
        Assert.Equal(1.0, check.GroupFamilyTop1);
    }

    [Fact]
    public void Flagged_answers_are_counted_apart_from_the_rest()
    {
        var check = FamilyCheck.Of("t", [Clip("House", "a", 0.9), Clip("House", "b", 0.3, lowConfidence: true), Clip("Techno", "c", 0.2)]);

        Assert.Equal(1 / 3.0, check.FlaggedShare, 6);
        Assert.Equal(1.0, check.FamilyTop1Unflagged);
        Assert.Equal(2 / 3.0, check.MostCommonFamilyShare, 6);
        Assert.Equal(2, check.Answers["Techno"]);
    }

    [Fact]
    public void No_clips_give_zeros_rather_than_an_error()
    {
        var check = FamilyCheck.Of("t", []);

        Assert.Equal(0, check.Clips);
        Assert.Equal(0, check.FamilyTop1);
    }
}

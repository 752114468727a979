using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Tests.Data;

public sealed class StratifiedFoldsTests
{
    private static List<ClipRecord> Clips() =>
        Enumerable.Range(0, 7).Select(i => new ClipRecord($"/a/{i}.mp3", $"a/{i}.mp3", "acid", "Acid", "House"))
            .Concat(Enumerable.Range(0, 3).Select(i => new ClipRecord($"/b/{i}.mp3", $"b/{i}.mp3", "dnb", "DnB", "Jungle")))
            .ToList();

    [Fact]
    public void Every_genre_is_spread_evenly_over_the_folds()
    {
        var clips = Clips();
        var folds = StratifiedFolds.Assign(clips, 5, 42);
        var acid = Enumerable.Range(0, 5).Select(f => clips.Where((c, i) => c.Genre == "acid" && folds[i] == f).Count()).ToList();
        Assert.Equal(7, acid.Sum());
        Assert.True(acid.Max() - acid.Min() <= 1);
        var dnb = Enumerable.Range(0, 5).Select(f => clips.Where((c, i) => c.Genre == "dnb" && folds[i] == f).Count()).ToList();
        Assert.True(dnb.Max() <= 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another_one()
    {
        var clips = Clips();
        Assert.Equal(StratifiedFolds.Assign(clips, 5, 42), StratifiedFolds.Assign(clips, 5, 42));
        Assert.NotEqual(StratifiedFolds.Assign(clips, 5, 42), StratifiedFolds.Assign(clips, 5, 43));
    }
}

using GenreOrleans.Tests.Shared;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class OutOfFoldPredictionsTests
{
    private static readonly string[] Genres = ["acidhouse", "goatrance"];

    private static OutOfFoldPredictions Part(int fold, params string[] files) => new(7, 2, Genres,
        files.Select(f => new OutOfFoldClip(fold, f, "acidhouse", [0.7f, 0.3f], [0.6f, 0.4f], false)).ToList());

    [Fact]
    public void A_written_file_reads_back_with_the_same_scores()
    {
        using var folder = new TemporaryDirectory("oof-tests");
        var path = Path.Combine(folder.Path, "fold0.json");
        Part(0, "clips/acidhouse/1.mp3").Write(path);

        var read = OutOfFoldPredictions.Read(path);

        Assert.Equal(Genres, read.Genres);
        Assert.Equal("clips/acidhouse/1.mp3", read.Clips[0].File);
        Assert.Equal([0.7f, 0.3f], read.Clips[0].Network);
        Assert.Equal([0.6f, 0.4f], read.Clips[0].Head);
    }

    [Fact]
    public void Files_of_separate_folds_merge_into_one_set_covering_both()
    {
        var merged = OutOfFoldPredictions.Merge([Part(1, "b.mp3"), Part(0, "a.mp3")]);

        Assert.Equal(2, merged.Clips.Count);
        Assert.Equal([0, 1], merged.FoldsCovered());
    }

    [Fact]
    public void The_same_fold_given_twice_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => OutOfFoldPredictions.Merge([Part(0, "a.mp3"), Part(0, "a.mp3")]));
    }

    [Fact]
    public void Predictions_of_another_cross_validation_are_refused()
    {
        var otherSeed = Part(1, "b.mp3") with { Seed = 8 };

        Assert.Throws<InvalidDataException>(() => OutOfFoldPredictions.Merge([Part(0, "a.mp3"), otherSeed]));
    }

    [Fact]
    public void Clips_are_found_by_file_when_they_cover_every_clip_of_the_same_cross_validation()
    {
        var merged = OutOfFoldPredictions.Merge([Part(0, "a.mp3"), Part(1, "b.mp3")]);

        var byFile = merged.ByFileCovering(7, 2, Genres, ["b.mp3", "a.mp3"]);

        Assert.Equal(1, byFile["b.mp3"].Fold);
    }

    [Fact]
    public void Fusing_with_predictions_that_miss_a_clip_is_refused()
    {
        var onlyOneFold = Part(0, "a.mp3");

        var error = Assert.Throws<InvalidDataException>(() => onlyOneFold.ByFileCovering(7, 2, Genres, ["a.mp3", "b.mp3"]));
        Assert.Contains("b.mp3", error.Message);
    }

    [Fact]
    public void Fusing_with_predictions_of_another_seed_or_label_set_is_refused()
    {
        var predictions = Part(0, "a.mp3");

        Assert.Throws<InvalidDataException>(() => predictions.ByFileCovering(8, 2, Genres, ["a.mp3"]));
        Assert.Throws<InvalidDataException>(() => predictions.ByFileCovering(7, 2, ["acidhouse", "trance"], ["a.mp3"]));
    }

    [Fact]
    public void Labels_in_another_order_are_refused_since_scores_are_read_by_index()
    {
        var predictions = Part(0, "a.mp3");

        var error = Assert.Throws<InvalidDataException>(() => predictions.RequireGenres(["goatrance", "acidhouse"], "the model's"));
        Assert.Contains("the model's labels", error.Message);
        predictions.RequireGenres(Genres, "the model's");
    }
}

using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Tests.Model;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public sealed class TimelineBuilderTests
{
    [Fact]
    public void Neighbouring_windows_with_the_same_top_genre_merge_into_one_segment()
    {
        var labels = LabelMap.FromRows(TinyModel.Genres);
        var window = WindowParameters.Default;
        // Windows: acid, acid, dnb.
        var genres = new float[] { 0.6f, 0.3f, 0.1f, 0.8f, 0.1f, 0.1f, 0.1f, 0.2f, 0.7f };
        var scores = new WindowScores(genres, new float[6], 3, 3, 2, "m");
        var starts = new[] { 0, 64, 128 };

        var timeline = TimelineBuilder.Build(scores, starts, window, 10.0, labels);

        Assert.Equal(2, timeline.Count);
        Assert.Equal("acidhouse", timeline[0].Slug);
        Assert.Equal(0.7, timeline[0].Probability, 5);
        Assert.Equal(0, timeline[0].StartSeconds);
        Assert.Equal(128 * window.SecondsPerFrame, timeline[0].EndSeconds, 9);
        Assert.Equal("drumnbass", timeline[1].Slug);
        Assert.Equal(10.0, timeline[1].EndSeconds);
    }
}

using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Analysis.Tests.Results;

public sealed class TrackResultViewTests
{
    private static readonly TrackResult Unsorted = new(
        new[]
        {
            new GenreProbability("ambient", "Ambient", "Downtempo", 0.2),
            new GenreProbability("acidhouse", "Acid House", "House", 0.7),
            new GenreProbability("goatrance", "Goa Trance", "Trance", 0.1),
        },
        new[] { new FamilyProbability("Downtempo", 0.2), new FamilyProbability("Trance", 0.1), new FamilyProbability("House", 0.7) },
        new[] { new TimelineSegment(0, 3, "acidhouse", "Acid House", "House", 0.7) },
        new TempoEstimate(124.5, 0.8, 62.25),
        new KeyEstimate("A minor", "8A", 0.6),
        LowConfidence: false,
        new Dictionary<string, double> { ["tempo"] = 124.5 },
        "genre-crnn@1.0.0");

    [Fact]
    public void Genres_are_listed_most_likely_first()
    {
        var view = TrackResultView.From(Unsorted, 30);
        Assert.Equal(new[] { "acidhouse", "ambient", "goatrance" }, view.Genres.Select(g => g.Slug));
    }

    [Fact]
    public void Families_are_listed_most_likely_first()
    {
        var view = TrackResultView.From(Unsorted, 30);
        Assert.Equal(new[] { "House", "Downtempo", "Trance" }, view.Families.Select(f => f.Name));
    }

    [Fact]
    public void Tempo_bpm_repeats_the_tempo_estimate_and_duration_is_carried()
    {
        var view = TrackResultView.From(Unsorted, 30);
        Assert.Equal(124.5, view.TempoBpm);
        Assert.Equal(Unsorted.Tempo, view.Tempo);
        Assert.Equal(30, view.DurationSeconds);
        Assert.Equal("genre-crnn@1.0.0", view.ModelVersion);
    }
}

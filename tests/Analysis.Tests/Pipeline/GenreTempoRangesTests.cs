using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Analysis.Tests.Pipeline;

public class GenreTempoRangesTests
{
    [Fact]
    public void Knows_drum_and_bass_lives_between_165_and_180()
    {
        var range = GenreTempoRanges.For("drumnbass", "Jungle");

        Assert.NotNull(range);
        Assert.True(range.Contains(174));
        Assert.False(range.Contains(87));
    }

    [Fact]
    public void Falls_back_to_the_family_range()
    {
        Assert.Equal(GenreTempoRanges.ForFamily("House"), GenreTempoRanges.For("unknownslug", "House"));
    }

    [Fact]
    public void Gives_hip_hop_its_own_range_inside_breakbeat()
    {
        Assert.True(GenreTempoRanges.For("hiphop", "Breakbeat")!.Contains(92));
        Assert.False(GenreTempoRanges.ForFamily("Breakbeat")!.Contains(92));
    }

    [Fact]
    public void Refine_moves_a_half_time_drum_and_bass_reading_to_its_range()
    {
        var reading = new TempoReading(86.5, 0.5, 173) { Candidates = [new TempoCandidate(86.5, 1), new TempoCandidate(173, 0.7)] };

        Assert.Equal(173, GenreTempoRanges.Refine(reading, "drumnbass", "Jungle").Bpm);
        Assert.Same(reading, GenreTempoRanges.Refine(reading, "ambient", "Downtempo"));
    }

    [Fact]
    public void Has_no_range_for_styles_without_a_pulse()
    {
        Assert.Null(GenreTempoRanges.For("ambient", "Downtempo"));
    }
}

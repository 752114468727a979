using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public sealed class MetricalLevelTests
{
    private static (float[] Onsets, float[] Snares) HipHop(double bpm = 90) => (
        SyntheticOnsetEnvelope.FromPattern(bpm, 30, SyntheticOnsetEnvelope.BoomBap),
        SyntheticOnsetEnvelope.FromPattern(bpm, 30, SyntheticOnsetEnvelope.Backbeat, seed: 2));

    [Fact]
    public void Levels_are_the_grid_winner_then_its_half_double_and_three_halves_inside_the_range()
    {
        var (onsets, snares) = HipHop();

        var reading = new TempoEstimator().Estimate(onsets, default, snares);

        Assert.Equal(1.0, reading.Levels[0].Ratio);
        Assert.InRange(reading.Levels[0].Bpm, 89, 91);
        Assert.All(reading.Levels, l => Assert.InRange(l.Bpm, 70, 200));
        Assert.All(reading.Levels, l => Assert.Contains(l.Ratio, new[] { 1, 0.5, 2, 1.5 }));
        Assert.Contains(reading.Levels, l => l.Ratio == 2 && Math.Abs(l.Bpm - 180) < 4.5);
        Assert.All(reading.Levels, l => Assert.Equal(MetricalLevelModel.FeatureCount, l.Features.Length));
        Assert.All(reading.Levels.SelectMany(l => l.Features), f => Assert.True(double.IsFinite(f)));
    }

    [Fact]
    public void A_model_that_prefers_fast_tempos_takes_the_double()
    {
        var (onsets, snares) = HipHop();
        var fast = new MetricalLevelModel([0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [10, 0, 0, 0, 0, 0]);

        var reading = new TempoEstimator(new TempoOptions { LevelModel = fast }).Estimate(onsets, default, snares);

        Assert.InRange(reading.Bpm, 178, 182);
        Assert.InRange(reading.Alternative!.Value, 130, 140); // the next most probable level: 3/2 of the beat
    }

    [Fact]
    public void The_grid_score_only_model_keeps_the_grid_winner()
    {
        var (onsets, snares) = HipHop();

        var reading = new TempoEstimator(new TempoOptions { LevelModel = MetricalLevelModel.GridScoreOnly }).Estimate(onsets, default, snares);

        Assert.Equal(reading.Levels[0].Bpm, reading.Bpm, 0);
    }

    [Fact]
    public void Without_the_mid_band_the_grid_score_decides_and_no_levels_are_reported()
    {
        var (onsets, _) = HipHop();

        var reading = new TempoEstimator().Estimate(onsets);

        Assert.Empty(reading.Levels);
        Assert.Equal(new TempoEstimator(new TempoOptions { LevelModel = null }).Estimate(onsets).Bpm, reading.Bpm);
    }

    [Fact]
    public void Probabilities_of_one_tracks_levels_sum_to_one_and_follow_the_scores()
    {
        var model = new MetricalLevelModel([0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [1, 0, 0, 0, 0, 0]);
        MetricalLevel Level(double octaves) => new(120 * Math.Pow(2, octaves), 1, [octaves, 0, 0, 0, 0, 0]);

        var p = model.Probabilities([Level(-1), Level(0), Level(1)]);

        Assert.Equal(1.0, p.Sum(), 9);
        Assert.True(p[0] < p[1] && p[1] < p[2]);
        Assert.Equal(Math.E, p[2] / p[1], 6);
    }

    [Fact]
    public void Scoring_refuses_evidence_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => MetricalLevelModel.Default.Score([1.0, 2.0]));
    }
}

using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public class TempoEstimatorTests
{
    [Theory]
    [InlineData(124.0)]
    [InlineData(128.0)]
    [InlineData(137.5)]
    public void Finds_a_four_on_the_floor_tempo_within_a_quarter_percent(double bpm)
    {
        var envelope = SyntheticOnsetEnvelope.FromPattern(bpm, 30, SyntheticOnsetEnvelope.FourOnTheFloor);

        var reading = new TempoEstimator().Estimate(envelope);

        Assert.InRange(reading.Bpm, bpm * 0.9975, bpm * 1.0025);
    }

    [Fact]
    public void Is_more_precise_than_the_lag_grid()
    {
        // At 43 frames per second neighbouring lags near 127 BPM are 6 BPM apart.
        var envelope = SyntheticOnsetEnvelope.FromPattern(127.3, 60, SyntheticOnsetEnvelope.FourOnTheFloor);

        var reading = new TempoEstimator().Estimate(envelope);

        Assert.InRange(reading.Bpm, 127.0, 127.6);
    }

    [Fact]
    public void Reports_a_confidence_and_the_other_octave()
    {
        var envelope = SyntheticOnsetEnvelope.FromPattern(128, 30, SyntheticOnsetEnvelope.FourOnTheFloor);

        var reading = new TempoEstimator().Estimate(envelope);

        Assert.InRange(reading.Confidence, 0.3, 1.0);
        Assert.NotNull(reading.Alternative);
        Assert.NotEmpty(reading.Candidates);
        Assert.Equal(1.0, reading.Candidates[0].Score, 6);
    }

    [Fact]
    public void Keeps_readings_inside_the_configured_range()
    {
        var envelope = SyntheticOnsetEnvelope.FromPattern(128, 30, SyntheticOnsetEnvelope.FourOnTheFloor);

        var reading = new TempoEstimator(new TempoOptions { MinBpm = 40, MaxBpm = 90 }).Estimate(envelope);

        Assert.InRange(reading.Bpm, 63.5, 64.5);
    }

    [Fact]
    public void Returns_no_tempo_for_silence()
    {
        var reading = new TempoEstimator().Estimate(new float[1300]);

        Assert.Equal(0, reading.Bpm);
        Assert.Equal(0, reading.Confidence);
    }

    [Fact]
    public void Returns_no_tempo_for_inputs_shorter_than_two_slow_beats()
    {
        var envelope = SyntheticOnsetEnvelope.FromPattern(128, 1.5, SyntheticOnsetEnvelope.FourOnTheFloor);

        Assert.Equal(TempoReading.None, new TempoEstimator().Estimate(envelope));
    }

    [Fact]
    public void Ignores_nan_and_infinite_frames()
    {
        var envelope = SyntheticOnsetEnvelope.FromPattern(128, 30, SyntheticOnsetEnvelope.FourOnTheFloor);
        envelope[100] = float.NaN;
        envelope[200] = float.PositiveInfinity;
        envelope[300] = float.NegativeInfinity;

        var reading = new TempoEstimator().Estimate(envelope);

        Assert.InRange(reading.Bpm, 127.5, 128.5);
        Assert.True(double.IsFinite(reading.Confidence));
    }

    [Fact]
    public void The_grid_score_reads_two_step_drum_and_bass_at_174_with_the_backbeat_band()
    {
        // The level model (fitted on real music) reads this clean synthetic bar at 87: without
        // ghost notes it is a half-time pattern with eighth notes. The grid score's backbeat rule is tested here.
        var onsets = SyntheticOnsetEnvelope.FromPattern(174, 30, SyntheticOnsetEnvelope.TwoStep);
        var snares = SyntheticOnsetEnvelope.FromPattern(174, 30, SyntheticOnsetEnvelope.Backbeat, seed: 2);

        var reading = new TempoEstimator(new TempoOptions { LevelModel = null }).Estimate(onsets, default, snares);

        Assert.InRange(reading.Bpm, 172, 176);
    }

    [Fact]
    public void Reads_hip_hop_with_eighth_note_hats_at_its_beat_not_double()
    {
        var onsets = SyntheticOnsetEnvelope.FromPattern(90, 30, SyntheticOnsetEnvelope.BoomBap);
        var snares = SyntheticOnsetEnvelope.FromPattern(90, 30, SyntheticOnsetEnvelope.Backbeat, seed: 2);

        var reading = new TempoEstimator().Estimate(onsets, default, snares);

        Assert.InRange(reading.Bpm, 89, 91);
    }

    [Fact]
    public void Refining_with_a_genre_range_picks_the_hypothesis_inside_it()
    {
        var reading = new TempoReading(87, 0.6, 174)
        {
            Candidates = [new TempoCandidate(87, 1.0), new TempoCandidate(174, 0.8), new TempoCandidate(116, 0.3)],
        };

        var refined = TempoEstimator.RefineWithRange(reading, 160, 180);

        Assert.Equal(174, refined.Bpm);
        Assert.Equal(87, refined.Alternative);
        Assert.True(refined.Confidence <= reading.Confidence);
    }

    [Fact]
    public void Refining_keeps_a_reading_already_inside_the_range()
    {
        var reading = new TempoReading(172, 0.7, 86) { Candidates = [new TempoCandidate(172, 1), new TempoCandidate(86, 0.9)] };

        Assert.Same(reading, TempoEstimator.RefineWithRange(reading, 160, 180));
    }

    [Fact]
    public void Refining_moves_by_octaves_when_no_candidate_fits()
    {
        var reading = new TempoReading(70, 0.5, null);

        Assert.Equal(140, TempoEstimator.RefineWithRange(reading, 135, 150).Bpm);
    }

    [Fact]
    public void Refining_takes_the_octave_nearest_to_a_range_that_no_octave_reaches()
    {
        // Drum and bass read at half time under a trance range: 174 is 0.21 octave above 150, 87 is 0.46 below 120.
        var reading = new TempoReading(87, 0.5, 173) { Candidates = [new TempoCandidate(87, 1), new TempoCandidate(173, 0.5)] };

        var refined = TempoEstimator.RefineWithRange(reading, 120, 150);

        Assert.Equal(174, refined.Bpm);
        Assert.Equal(87, refined.Alternative);
    }

    [Fact]
    public void Refining_never_reports_the_reading_as_its_own_alternative()
    {
        // 100 BPM for 130–135: 200 is further away (0.57 octave) than 100 (0.38), so nothing moves.
        var reading = new TempoReading(100, 0.5, 150) { Candidates = [new TempoCandidate(100, 1), new TempoCandidate(150, 0.4)] };

        var refined = TempoEstimator.RefineWithRange(reading, 130, 135);

        Assert.Same(reading, refined);
        Assert.Equal(150, refined.Alternative);
    }
}

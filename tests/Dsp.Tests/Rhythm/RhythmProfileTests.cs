using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public class RhythmProfileTests
{
    [Fact]
    public void Silence_gives_a_profile_of_zeros()
    {
        var silent = new float[2000];
        var profile = new float[RhythmProfile.Length];

        new RhythmProfile().Compute(new TempoEnvelopes(silent, silent, silent), profile);

        Assert.All(profile, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void An_envelope_shorter_than_one_lag_gives_finite_values()
    {
        var tiny = new float[] { 0, 1, 0 };
        var profile = new float[RhythmProfile.Length];

        new RhythmProfile().Compute(new TempoEnvelopes(tiny, tiny, tiny), profile);

        Assert.All(profile, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void A_kick_every_beat_peaks_at_the_beat_lag_and_not_at_half_a_beat()
    {
        // 120 BPM: a beat is 21.5 frames; the kick-only envelope repeats there, not at 10.8 frames.
        var kicks = SyntheticOnsetEnvelope.FromPattern(120, 30, [(0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0)]);
        var profile = new float[RhythmProfile.Length];

        new RhythmProfile().Compute(new TempoEnvelopes(kicks, kicks, kicks), profile);

        var beat = NearestLag(60 * SyntheticOnsetEnvelope.FrameRate / 120);
        var halfBeat = NearestLag(30 * SyntheticOnsetEnvelope.FrameRate / 120);
        Assert.True(profile[beat] > 2 * profile[halfBeat], $"beat lag {profile[beat]:F3}, half-beat lag {profile[halfBeat]:F3}");
    }

    [Fact]
    public void Names_match_the_vector_length()
    {
        Assert.Equal(RhythmProfile.Length, RhythmProfile.Names.Count);
        Assert.Equal(RhythmProfile.Length, RhythmProfile.Names.Distinct().Count());
    }

    private static int NearestLag(double frames) =>
        Enumerable.Range(0, RhythmProfile.LagsPerEnvelope).MinBy(k => Math.Abs(Math.Log(RhythmProfile.LagFrames(k) / frames)));
}

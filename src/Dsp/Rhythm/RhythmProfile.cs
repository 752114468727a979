namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// A track's rhythm pattern as a fixed-length vector: for each of the three
/// <see cref="TempoEnvelopes"/> (all onsets, kick band, backbeat band), the mean normalised
/// autocorrelation of the envelope (<see cref="OnsetAutocorrelation"/>, librosa's tempogram
/// averaged over time) read at <see cref="LagsPerEnvelope"/> log-spaced lags from about 0.05 s to
/// 8.8 s (up to two bars at 110 BPM, so bar-level patterns count too). Unlike a single BPM it keeps where the hits repeat (a two-step kick 1.5 beats apart, a
/// four-on-the-floor kick every beat, breakbeat syncopation), and it does not depend on how a
/// track was mastered or recorded: the genre cues that carry across eras.
/// </summary>
public sealed class RhythmProfile
{
    public const int LagsPerEnvelope = 32;
    public const double ShortestLagFrames = 2;
    public const double LongestLagFrames = 380;

    private static readonly string[] EnvelopeNames = ["onset", "low", "mid"];
    private readonly OnsetAutocorrelation _autocorrelation = new();

    /// <summary>Length of the vector: three envelopes times <see cref="LagsPerEnvelope"/>.</summary>
    public static int Length => EnvelopeNames.Length * LagsPerEnvelope;

    /// <summary>Element names, e.g. <c>rhythm.low.lag07</c>, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        EnvelopeNames.SelectMany(e => Enumerable.Range(0, LagsPerEnvelope).Select(k => $"rhythm.{e}.lag{k:D2}")).ToList();

    /// <summary>The lag (in frames, fractional) of element <paramref name="k"/> of each envelope's block.</summary>
    public static double LagFrames(int k) =>
        ShortestLagFrames * Math.Pow(LongestLagFrames / ShortestLagFrames, k / (double)(LagsPerEnvelope - 1));

    /// <summary>Writes the profile of <paramref name="envelopes"/> into <paramref name="profile"/> (length <see cref="Length"/>).</summary>
    public void Compute(TempoEnvelopes envelopes, Span<float> profile)
    {
        if (profile.Length != Length)
            throw new ArgumentException($"the profile needs {Length} values", nameof(profile));
        var block = 0;
        foreach (var envelope in new[] { envelopes.Onset, envelopes.LowBand, envelopes.MidBand })
        {
            var mean = _autocorrelation.Compute(envelope);
            for (var k = 0; k < LagsPerEnvelope; k++)
            {
                // Linear interpolation between the two integer lags around the log-spaced one.
                var lag = LagFrames(k);
                var below = (int)Math.Floor(lag);
                var fraction = lag - below;
                var value = (1 - fraction) * mean[below] + fraction * mean[Math.Min(mean.Length - 1, below + 1)];
                profile[block * LagsPerEnvelope + k] = double.IsFinite(value) ? (float)value : 0f;
            }
            block++;
        }
    }
}

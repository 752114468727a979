namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// Chooses the beat level among the metrical relatives of the envelope's best tempo hypothesis:
/// a linear score over standardised evidence, softmax across the levels of one track (a
/// conditional logit). The evidence is the listener's: how fast the tempo is, how well the
/// envelopes support it, whether the onsets subdivide it, and whether a backbeat falls every
/// other beat.
/// </summary>
/// <remarks>
/// <see cref="Default"/> was fitted by <c>bench tempokey --fit-levels</c> (docs/tempo-key.md):
/// on the guide's 930 clips, whose labels are their genre's usual tempo range (no per-clip
/// annotation exists; a level inside the range counts as right), plus the annotated recordings
/// of bench/Bench/TempoKey/annotations.csv at three times the weight (their labels are true tempos). The fit prints cross-validated
/// figures for both sets.
/// </remarks>
public sealed record MetricalLevelModel(double[] Mean, double[] Scale, double[] Weights)
{
    /// <summary>Names of the evidence in <see cref="MetricalLevel.Features"/>, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "log2(bpm/120)",                      // how fast: the fitted weights make a broad preference of it
        "log2(bpm/120)^2",
        "ln(envelope score)",                 // the estimator's own score of this hypothesis (best = 1)
        "onset autocorrelation at half a beat", // the onsets subdivide the beat (eighth notes): leans towards the slower level
        "mid-band autocorrelation at half a beat",
        "backbeat contrast",                  // mid band (snares, claps) repeats two beats apart more than one beat apart
    ];

    public static int FeatureCount => FeatureNames.Count;

    /// <summary>Coefficients of the fit described in the remarks (bench tempokey --fit-levels, 2026-11-26).</summary>
    public static MetricalLevelModel Default { get; } = new(
        Mean: [0.135367, 0.203995, -1.57077, 0.312921, 0.288806, 0.0512379],
        Scale: [0.430896, 0.185276, 2.09747, 0.202741, 0.187976, 0.120738],
        Weights: [0.432767, -0.673481, 1.40909, 2.8707, -2.03961, -0.265959]);

    /// <summary>The grid score alone decides (the estimator's choice before the level model); for describing levels and A/B runs.</summary>
    public static MetricalLevelModel GridScoreOnly { get; } = new([0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [0, 0, 1, 0, 0, 0]);

    /// <summary>The linear score of one level; levels of one track compare by it.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        if (features.Length != Weights.Length)
            throw new ArgumentException($"expected {Weights.Length} features, got {features.Length}", nameof(features));
        double sum = 0;
        for (var i = 0; i < features.Length; i++)
            sum += Weights[i] * (features[i] - Mean[i]) / Scale[i];
        return sum;
    }

    /// <summary>Softmax probabilities of the levels of one track.</summary>
    public double[] Probabilities(IReadOnlyList<MetricalLevel> levels)
    {
        var scores = levels.Select(l => Score(l.Features)).ToArray();
        if (scores.Length == 0)
            return [];
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var total = exp.Sum();
        return exp.Select(e => e / total).ToArray();
    }
}

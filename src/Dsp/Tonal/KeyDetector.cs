using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// Musical key (24 major and minor keys) from a pitch-class profile (the product uses
/// <see cref="PitchClassProfile"/>) or a chromagram summed over the track. Each key scores the
/// profile, centred and scaled to unit length and rotated to the key's tonic, against its mode's
/// template: with a published profile that is the Pearson correlation, and confidence grows with
/// how well the winner fits and how far it stands above the runner-up; with the fitted templates
/// (<see cref="KeyProfile.Fitted"/>) the scores are logits and the confidence is the winner's
/// probability.
/// </summary>
public sealed class KeyDetector
{
    private readonly KeyDetectorOptions _options;
    private readonly double[] _major;
    private readonly double[] _minor;
    private readonly double _minorOffset;

    public KeyDetector(KeyDetectorOptions? options = null)
    {
        _options = options ?? new KeyDetectorOptions();
        var (major, minor) = KeyProfiles.Get(_options.Profile);
        // A profile's Pearson correlation with the clip is the dot product of the two once both are
        // centred and scaled to unit length, so published profiles are stored that way and scored
        // by the same loop as the fitted templates.
        (_major, _minor, _minorOffset) = _options.Profile == KeyProfile.Fitted
            ? (major, minor, KeyProfiles.FittedMinorOffset)
            : (CentredUnit(major), CentredUnit(minor), 0);
    }

    /// <summary>
    /// The product's key of a clip: its <see cref="AudioFeatures.PitchClassProfile"/> (peak-picked,
    /// whitened, harmonic), or the summed parity chroma when the features carry no profile.
    /// </summary>
    public KeyReading Detect(AudioFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.PitchClassProfile.Length == 12
            ? DetectFromProfile(features.PitchClassProfile)
            : Detect(features.Chroma);
    }

    /// <summary>Detects the key of a chromagram (12 rows, row 0 = C; one column per frame), as ChromaStft returns it.</summary>
    public KeyReading Detect(FeatureMatrix chroma, ReadOnlySpan<float> frameWeights = default)
    {
        ArgumentNullException.ThrowIfNull(chroma);
        return chroma.Rows == 12 ? Detect(chroma.Data, chroma.Columns, frameWeights) : KeyReading.None;
    }

    /// <summary>
    /// Detects the key of a 12 x frames chromagram stored row-major (row 0 = C), as
    /// chroma_stft returns it. Frames may be weighted (for example by their RMS) so that
    /// silence and fades count less; without weights every frame counts the same.
    /// </summary>
    public KeyReading Detect(ReadOnlySpan<float> chroma, int frames, ReadOnlySpan<float> frameWeights = default)
    {
        if (frames <= 0 || chroma.Length < 12 * frames)
            return KeyReading.None;
        Span<double> profile = stackalloc double[12];
        var useWeights = frameWeights.Length >= frames;
        for (var pc = 0; pc < 12; pc++)
        {
            var row = chroma.Slice(pc * frames, frames);
            double sum = 0;
            for (var t = 0; t < frames; t++)
            {
                var v = row[t];
                if (!float.IsFinite(v) || v <= 0)
                    continue;
                var w = useWeights ? frameWeights[t] : 1f;
                if (!float.IsFinite(w) || w <= 0)
                    continue;
                sum += w * (_options.Compression == 1.0 ? v : Math.Pow(v, _options.Compression));
            }
            profile[pc] = sum;
        }
        return DetectFromProfile(profile);
    }

    /// <summary>Detects the key of a 12-value pitch-class profile (index 0 = C), such as a mean chroma vector.</summary>
    public KeyReading DetectFromProfile(ReadOnlySpan<double> pitchClassProfile)
    {
        if (pitchClassProfile.Length != 12)
            throw new ArgumentException("A pitch-class profile has 12 values.", nameof(pitchClassProfile));
        if (_options.Profile == KeyProfile.Fitted)
            return DetectWithTemplates(pitchClassProfile, _major, _minor, _minorOffset);
        if (!HasKey(pitchClassProfile))
            return KeyReading.None;
        Span<double> scores = stackalloc double[24];
        var best = Score(pitchClassProfile, _major, _minor, _minorOffset, scores);

        var second = double.NegativeInfinity;
        for (var key = 0; key < scores.Length; key++)
            if (key != best) second = Math.Max(second, scores[key]);
        // Fit: how well the profile explains the chroma; margin: how clearly it beats the next
        // key (0.1 of correlation is a wide margin between neighbouring keys).
        var fit = Math.Clamp(scores[best], 0, 1);
        var margin = 1 - Math.Exp(-(scores[best] - second) / 0.05);
        return Reading(best, Math.Clamp(fit * margin, 0, 1));
    }

    /// <summary>
    /// The key under fitted templates (<see cref="KeyProfile.Fitted"/>): each key scores the
    /// centred, unit-length profile rotated to its tonic, dotted with its mode's template, plus
    /// <paramref name="minorOffset"/> for minor keys. The scores are the logits the templates were
    /// fitted as, so the confidence is the winner's softmax probability over the 24 keys.
    /// </summary>
    public static KeyReading DetectWithTemplates(ReadOnlySpan<double> pitchClassProfile, double[] major, double[] minor, double minorOffset)
    {
        ArgumentNullException.ThrowIfNull(major);
        ArgumentNullException.ThrowIfNull(minor);
        if (pitchClassProfile.Length != 12 || !HasKey(pitchClassProfile))
            return KeyReading.None;
        Span<double> scores = stackalloc double[24];
        var best = Score(pitchClassProfile, major, minor, minorOffset, scores);
        return Reading(best, WinnerProbability(scores, best));
    }

    /// <summary>
    /// Fills <paramref name="scores"/> (index 2 × tonic + 1 for minor) with the centred, unit-length
    /// profile rotated to each tonic, dotted with the mode's template, plus the minor offset; returns
    /// the index of the first highest score.
    /// </summary>
    private static int Score(ReadOnlySpan<double> pitchClassProfile, double[] major, double[] minor, double minorOffset, Span<double> scores)
    {
        var x = CentredUnit(pitchClassProfile);
        var best = 0;
        for (var key = 0; key < 24; key++)
        {
            var (tonic, isMinor) = (key / 2, key % 2 == 1);
            var template = isMinor ? minor : major;
            var s = isMinor ? minorOffset : 0;
            for (var i = 0; i < 12; i++) s += x[(i + tonic) % 12] * template[i];
            scores[key] = s;
            if (s > scores[best]) best = key;
        }
        return best;
    }

    private static double WinnerProbability(ReadOnlySpan<double> scores, int best)
    {
        double sum = 0;
        foreach (var s in scores) sum += Math.Exp(s - scores[best]);
        return 1 / sum;
    }

    private static KeyReading Reading(int key, double confidence) => KeyReading.Of(key / 2, key % 2 == 1, confidence);

    /// <summary>The profile less its mean, scaled to unit length (all zeros for a flat profile).</summary>
    public static double[] CentredUnit(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values) mean += v / values.Length;
        var centred = new double[values.Length];
        double norm = 0;
        for (var i = 0; i < values.Length; i++)
        {
            centred[i] = values[i] - mean;
            norm += centred[i] * centred[i];
        }
        norm = Math.Sqrt(norm);
        if (norm > 0)
            for (var i = 0; i < centred.Length; i++) centred[i] /= norm;
        return centred;
    }

    /// <summary>False for a non-finite or flat profile (silence, noise, unpitched drums): such input has no key.</summary>
    private static bool HasKey(ReadOnlySpan<double> profile)
    {
        double mean = 0;
        foreach (var v in profile)
        {
            if (!double.IsFinite(v))
                return false;
            mean += v / profile.Length;
        }
        double variance = 0;
        foreach (var v in profile) variance += (v - mean) * (v - mean);
        return variance > 1e-12 * Math.Max(1, mean * mean);
    }
}

using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// Musical key (24 major and minor keys) from a pitch-class profile (the product uses
/// <see cref="PitchClassProfile"/>) or a chromagram: the chroma summed over the track is
/// correlated (Pearson) with the twelve rotations of a major and a minor key profile, and the
/// best of the 24 wins. Confidence grows with how well the winner fits and how far it stands
/// above the runner-up.
/// </summary>
public sealed class KeyDetector
{
    private readonly KeyDetectorOptions _options;
    private readonly double[] _major;
    private readonly double[] _minor;

    public KeyDetector(KeyDetectorOptions? options = null)
    {
        _options = options ?? new KeyDetectorOptions();
        (_major, _minor) = KeyProfiles.Get(_options.Profile);
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
        if (!HasKey(pitchClassProfile))
            return KeyReading.None;
        if (_options.Profile == KeyProfile.Fitted)
            return DetectWithTemplates(pitchClassProfile, _major, _minor, KeyProfiles.FittedMinorOffset);

        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        var bestTonic = 0;
        var bestMinor = false;
        for (var tonic = 0; tonic < 12; tonic++)
        {
            foreach (var minor in (ReadOnlySpan<bool>)[false, true])
            {
                var r = Correlate(pitchClassProfile, minor ? _minor : _major, tonic);
                if (r > best)
                {
                    second = best;
                    best = r;
                    bestTonic = tonic;
                    bestMinor = minor;
                }
                else if (r > second)
                {
                    second = r;
                }
            }
        }

        // Fit: how well the profile explains the chroma; margin: how clearly it beats the next
        // key (0.1 of correlation is a wide margin between neighbouring keys).
        var fit = Math.Clamp(best, 0, 1);
        var margin = 1 - Math.Exp(-(best - second) / 0.05);
        return KeyReading.Of(bestTonic, bestMinor, Math.Clamp(fit * margin, 0, 1));
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
        var x = CentredUnit(pitchClassProfile);
        Span<double> scores = stackalloc double[24];
        var bestKey = 0;
        for (var key = 0; key < 24; key++)
        {
            var (tonic, isMinor) = (key % 12, key >= 12);
            var template = isMinor ? minor : major;
            double s = isMinor ? minorOffset : 0;
            for (var i = 0; i < 12; i++) s += x[(i + tonic) % 12] * template[i];
            scores[key] = s;
            if (s > scores[bestKey]) bestKey = key;
        }
        double sum = 0;
        foreach (var s in scores) sum += Math.Exp(s - scores[bestKey]);
        return KeyReading.Of(bestKey % 12, bestKey >= 12, 1 / sum);
    }

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

    /// <summary>Pearson correlation of the chroma with the key profile rotated to start on <paramref name="tonic"/>.</summary>
    private static double Correlate(ReadOnlySpan<double> chroma, double[] keyProfile, int tonic)
    {
        double meanX = 0, meanY = 0;
        for (var i = 0; i < 12; i++) { meanX += chroma[i]; meanY += keyProfile[i]; }
        meanX /= 12;
        meanY /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (var pc = 0; pc < 12; pc++)
        {
            var x = chroma[pc] - meanX;
            var y = keyProfile[(pc - tonic + 12) % 12] - meanY;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }
}

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// The per-track summary vector the model consumes, defined here and only here. Version 1:
/// for each row of <c>mfcc_20</c> (20), <c>chroma_stft</c> (12), <c>spectral_centroid</c>,
/// <c>spectral_bandwidth</c>, <c>spectral_rolloff</c>, <c>spectral_contrast</c> (7),
/// <c>spectral_flatness</c>, <c>zero_crossing_rate</c>, <c>rms</c> and <c>onset_strength</c>,
/// its mean then its standard deviation over frames (ddof = 0), followed by librosa's
/// <c>tempo_bpm</c>: 93 values. Change the layout only together with <see cref="Version"/>.
/// </summary>
public static class FeatureSummary
{
    public const int Version = 1;

    /// <summary>The summarised features, their row counts, and where to find them.</summary>
    internal static readonly (string Name, int Rows, Func<AudioFeatures, FeatureMatrix> Select)[] Layout =
    [
        ("mfcc_20", 20, f => f.Mfcc20),
        ("chroma_stft", 12, f => f.Chroma),
        ("spectral_centroid", 1, f => f.SpectralCentroid),
        ("spectral_bandwidth", 1, f => f.SpectralBandwidth),
        ("spectral_rolloff", 1, f => f.SpectralRolloff),
        ("spectral_contrast", 7, f => f.SpectralContrast),
        ("spectral_flatness", 1, f => f.SpectralFlatness),
        ("zero_crossing_rate", 1, f => f.ZeroCrossingRate),
        ("rms", 1, f => f.Rms),
        ("onset_strength", 1, f => f.OnsetStrength),
    ];

    /// <summary>Name of every element, e.g. <c>mfcc_20[3].std</c>, <c>rms.mean</c>, <c>tempo_bpm</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    public static int Length => Names.Count;

    /// <summary>The summary vector of one clip's features.</summary>
    public static float[] Compute(AudioFeatures features)
    {
        var statistics = NewStatistics();
        for (var i = 0; i < Layout.Length; i++)
            statistics[i].Add(Layout[i].Select(features));
        return Assemble(statistics, features.TempoBpm);
    }

    /// <summary>One accumulator per summarised feature, in <see cref="Layout"/> order.</summary>
    internal static FeatureStatistics[] NewStatistics() => Layout.Select(l => new FeatureStatistics(l.Rows)).ToArray();

    internal static float[] Assemble(FeatureStatistics[] statistics, double tempoBpm)
    {
        var vector = new float[Length];
        var i = 0;
        foreach (var s in statistics)
        {
            for (var r = 0; r < s.Rows; r++)
            {
                vector[i++] = Finite(s.Mean(r));
                vector[i++] = Finite(s.StandardDeviation(r));
            }
        }
        vector[i] = Finite(tempoBpm);
        return vector;
    }

    private static float Finite(double value) => double.IsFinite(value) ? (float)value : 0f;

    private static List<string> BuildNames()
    {
        var names = new List<string>();
        foreach (var (name, rows, _) in Layout)
        {
            for (var r = 0; r < rows; r++)
            {
                var prefix = rows == 1 ? name : $"{name}[{r}]";
                names.Add(prefix + ".mean");
                names.Add(prefix + ".std");
            }
        }
        names.Add("tempo_bpm");
        return names;
    }
}

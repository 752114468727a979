namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Standardises a vector feature by feature with the training set's mean and standard deviation
/// (the role StandardScaler played in the original product). Stored in model.json.
/// </summary>
public sealed class FeatureScaler
{
    public FeatureScaler(float[] mean, float[] deviation)
    {
        if (mean.Length != deviation.Length)
            throw new ArgumentException("mean and deviation differ in length");
        Mean = mean;
        Deviation = deviation;
    }

    public float[] Mean { get; }

    public float[] Deviation { get; }

    public int Length => Mean.Length;

    /// <summary>
    /// A feature whose deviation over the training rows is below this share of its scale (|mean| + 1)
    /// counts as constant. Dividing by such a deviation turns a small difference in an unseen track into
    /// a huge standardised value: a network trained on a library band-limited at 8 kHz had summary bands
    /// varying by 2e-6 dB, and every full-band track came out as one genre at probability 1.
    /// </summary>
    public const double ConstantFeatureShare = 1e-3;

    /// <summary>The deviation to divide by for a feature of this training mean and variance: 1 where it is (nearly) constant.</summary>
    public static float UsableDeviation(double mean, double variance)
    {
        var deviation = Math.Sqrt(Math.Max(0, variance));
        return deviation > ConstantFeatureShare * (Math.Abs(mean) + 1) ? (float)deviation : 1f;
    }

    /// <summary>Fits on rows of equal length; a constant or nearly constant feature gets deviation 1 so it maps to (nearly) 0.</summary>
    public static FeatureScaler Fit(IReadOnlyList<float[]> rows)
    {
        var n = rows[0].Length;
        var mean = new double[n];
        var square = new double[n];
        foreach (var row in rows)
        {
            for (var i = 0; i < n; i++)
            {
                mean[i] += row[i];
                square[i] += (double)row[i] * row[i];
            }
        }
        var m = new float[n];
        var d = new float[n];
        for (var i = 0; i < n; i++)
        {
            var mu = mean[i] / rows.Count;
            m[i] = (float)mu;
            d[i] = UsableDeviation(mu, square[i] / rows.Count - mu * mu);
        }
        return new FeatureScaler(m, d);
    }

    public float[] Transform(ReadOnlySpan<float> values)
    {
        var result = new float[values.Length];
        TransformInto(values, result);
        return result;
    }

    public void TransformInto(ReadOnlySpan<float> values, Span<float> destination)
    {
        if (values.Length != Length)
            throw new ArgumentException($"expected {Length} values, got {values.Length}");
        for (var i = 0; i < values.Length; i++)
            destination[i] = (values[i] - Mean[i]) / Deviation[i];
    }

    /// <summary>
    /// Standardises matrices whose rows are the scaled features (e.g. mel bands x frames, one
    /// window after another): row r of every matrix uses Mean[r] and Deviation[r].
    /// </summary>
    public void TransformRows(ReadOnlySpan<float> source, Span<float> destination, int columns)
    {
        var rows = source.Length / columns;
        for (var r = 0; r < rows; r++)
        {
            var feature = r % Length;
            float mean = Mean[feature], scale = 1f / Deviation[feature];
            var offset = r * columns;
            for (var t = 0; t < columns; t++)
                destination[offset + t] = (source[offset + t] - mean) * scale;
        }
    }
}

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// <c>librosa.power_to_db</c>: <c>10 log10(max(amin, S)) - 10 log10(max(amin, ref))</c>, then
/// floored at <c>max - topDb</c> where the maximum is taken over everything converted together
/// (the whole spectrogram of a clip).
/// </summary>
public sealed class PowerToDb
{
    public PowerToDb(double reference = 1.0, double amin = 1e-10, double? topDb = 80.0)
    {
        if (amin <= 0) throw new ArgumentOutOfRangeException(nameof(amin), "amin must be positive");
        if (topDb is < 0) throw new ArgumentOutOfRangeException(nameof(topDb), "topDb must be non-negative");
        Reference = reference;
        Amin = amin;
        TopDb = topDb;
        // The reference's level is the same for every value: one log here instead of one per value.
        _referenceDb = 10.0 * Math.Log10(Math.Max(amin, Math.Abs(reference)));
    }

    private readonly double _referenceDb;

    public double Reference { get; }

    public double Amin { get; }

    public double? TopDb { get; }

    /// <summary>Decibels of one value, without the <c>topDb</c> floor.</summary>
    public float Decibels(float power) =>
        (float)(10.0 * Math.Log10(Math.Max(Amin, power)) - _referenceDb);

    /// <summary>Converts <paramref name="values"/> in place and applies the <c>topDb</c> floor over all of them.</summary>
    public void ConvertInPlace(Span<float> values)
    {
        var max = float.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var db = Decibels(values[i]);
            values[i] = db;
            if (db > max) max = db;
        }
        if (TopDb is { } top) ApplyFloor(values, (float)(max - top));
    }

    /// <summary>Raises every value below <paramref name="floor"/> to it (the <c>topDb</c> step, for callers that know the maximum).</summary>
    public static void ApplyFloor(Span<float> decibels, float floor)
    {
        for (var i = 0; i < decibels.Length; i++)
            if (decibels[i] < floor) decibels[i] = floor;
    }
}

using System.Runtime.Intrinsics;

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
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four logarithms at a time: a scalar log per value was a tenth of the feature set's
            // time. log10 x = log2 x * log10 2, in double as the scalar path; the results differ
            // from it by a few units in the last place of a double, far below float precision.
            var amin = Vector256.Create(Amin);
            var scale = Vector256.Create(10.0 * Math.Log10(2.0));
            var referenceDb = Vector256.Create(_referenceDb);
            var maxima = Vector128.Create(float.NegativeInfinity);
            for (; i <= values.Length - 4; i += 4)
            {
                var power = Vector128.Create<float>(values.Slice(i, 4));
                var wide = Vector256.Create(Vector128.WidenLower(power), Vector128.WidenUpper(power));
                var db = Vector256.Log2(Vector256.Max(amin, wide)) * scale - referenceDb;
                var narrow = Vector128.Narrow(db.GetLower(), db.GetUpper());
                narrow.CopyTo(values.Slice(i, 4));
                maxima = Vector128.Max(maxima, narrow);
            }
            for (var k = 0; k < 4; k++)
                if (maxima[k] > max) max = maxima[k];
        }
        for (; i < values.Length; i++)
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

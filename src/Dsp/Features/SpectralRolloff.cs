using System.Numerics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Roll-off frequency, as <c>librosa.feature.spectral_rolloff(roll_percent=0.85)</c>: the
/// lowest bin frequency at which the cumulative magnitude reaches 85 % of the total. The sum
/// runs in float32, left to right, as numpy's cumsum does, because the threshold comparison
/// decides a whole bin. Not thread-safe (one running-sum buffer per instance).
/// </summary>
public sealed class SpectralRolloff
{
    private readonly double[] _frequencies;
    private readonly float _fraction;
    private float[] _cumulative = [];
    private float[] _cumulativeB = [];

    public SpectralRolloff(double sampleRate = 22050, int fftSize = 2048, double rollPercent = 0.85)
    {
        if (rollPercent is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rollPercent));
        _frequencies = FftFrequencies.Of(fftSize, sampleRate);
        _fraction = (float)rollPercent;
    }

    public double Compute(ReadOnlySpan<float> magnitude)
    {
        if (magnitude.IsEmpty) return _frequencies[^1];
        // One sequential pass keeps the running sums; the total is the last one (numpy's
        // cumsum[-1]), and the first sum reaching the threshold is then found a vector at a time.
        if (_cumulative.Length < magnitude.Length) _cumulative = new float[magnitude.Length];
        var cumulative = _cumulative.AsSpan(0, magnitude.Length);
        float sum = 0;
        for (var k = 0; k < magnitude.Length; k++) cumulative[k] = sum += magnitude[k];
        return FirstReaching(cumulative, _fraction * sum);
    }

    /// <summary>
    /// The roll-off of two frames at once (two magnitude spectra of the same length): the same
    /// sequential float32 sums as <see cref="Compute"/>, the two running in one loop, so that the
    /// second chain of dependent additions overlaps the first instead of following it.
    /// </summary>
    public (double First, double Second) ComputePair(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        if (first.Length != second.Length) throw new ArgumentException("The two frames differ in length.", nameof(second));
        if (first.IsEmpty) return (_frequencies[^1], _frequencies[^1]);
        if (_cumulative.Length < first.Length) _cumulative = new float[first.Length];
        if (_cumulativeB.Length < first.Length) _cumulativeB = new float[first.Length];
        var a = _cumulative.AsSpan(0, first.Length);
        var b = _cumulativeB.AsSpan(0, first.Length);
        second = second[..first.Length];
        float sumA = 0, sumB = 0;
        for (var k = 0; k < first.Length; k++)
        {
            a[k] = sumA += first[k];
            b[k] = sumB += second[k];
        }
        return (FirstReaching(a, _fraction * sumA), FirstReaching(b, _fraction * sumB));
    }

    private double FirstReaching(ReadOnlySpan<float> cumulative, float threshold)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var bound = new Vector<float>(threshold);
            for (; i <= cumulative.Length - width; i += width)
                if (Vector.GreaterThanOrEqualAny(new Vector<float>(cumulative.Slice(i, width)), bound)) break;
        }
        for (; i < cumulative.Length; i++)
            if (cumulative[i] >= threshold) return _frequencies[i];
        return _frequencies[^1];
    }
}

using System.Numerics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Spectral centroid of a magnitude frame, as <c>librosa.feature.spectral_centroid</c>: the
/// magnitude-weighted mean bin frequency (0 for a silent frame).
/// </summary>
public sealed class SpectralCentroid
{
    private readonly double[] _frequencies;

    public SpectralCentroid(double sampleRate = 22050, int fftSize = 2048) =>
        _frequencies = FftFrequencies.Of(fftSize, sampleRate);

    public double Compute(ReadOnlySpan<float> magnitude)
    {
        double total = 0, weighted = 0;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Float lanes widened to double: two double vectors per float vector, totals in double.
            var width = Vector<float>.Count;
            var half = Vector<double>.Count;
            Vector<double> total0 = default, total1 = default, weighted0 = default, weighted1 = default;
            for (; k <= magnitude.Length - width; k += width)
            {
                Vector.Widen(new Vector<float>(magnitude.Slice(k, width)), out var low, out var high);
                total0 += low;
                total1 += high;
                weighted0 += new Vector<double>(_frequencies, k) * low;
                weighted1 += new Vector<double>(_frequencies, k + half) * high;
            }
            total = Vector.Sum(total0 + total1);
            weighted = Vector.Sum(weighted0 + weighted1);
        }
        for (; k < magnitude.Length; k++)
        {
            total += magnitude[k];
            weighted += _frequencies[k] * magnitude[k];
        }
        // librosa leaves columns whose norm is below float32's tiny un-normalised: all zero gives 0.
        return total < SpectralNorms.Float32Tiny ? weighted : weighted / total;
    }
}

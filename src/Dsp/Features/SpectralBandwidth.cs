using System.Numerics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Second-order spectral bandwidth around the centroid, as <c>librosa.feature.spectral_bandwidth</c>
/// (p = 2, normalised magnitudes): <c>sqrt(sum_k S[k]/sum(S) (f_k - centroid)^2)</c>.
/// </summary>
public sealed class SpectralBandwidth
{
    private readonly double[] _frequencies;

    public SpectralBandwidth(double sampleRate = 22050, int fftSize = 2048) =>
        _frequencies = FftFrequencies.Of(fftSize, sampleRate);

    public double Compute(ReadOnlySpan<float> magnitude, double centroid)
    {
        // One pass: sum(S (f - c)^2) / sum(S) equals sum(S/sum(S) (f - c)^2), normalising once at the end.
        double total = 0, sum = 0;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var half = Vector<double>.Count;
            var c = new Vector<double>(centroid);
            Vector<double> total0 = default, total1 = default, sum0 = default, sum1 = default;
            for (; k <= magnitude.Length - width; k += width)
            {
                Vector.Widen(new Vector<float>(magnitude.Slice(k, width)), out var low, out var high);
                var d0 = new Vector<double>(_frequencies, k) - c;
                var d1 = new Vector<double>(_frequencies, k + half) - c;
                total0 += low;
                total1 += high;
                sum0 += low * d0 * d0;
                sum1 += high * d1 * d1;
            }
            total = Vector.Sum(total0 + total1);
            sum = Vector.Sum(sum0 + sum1);
        }
        for (; k < magnitude.Length; k++)
        {
            var deviation = _frequencies[k] - centroid;
            total += magnitude[k];
            sum += magnitude[k] * deviation * deviation;
        }
        var scale = total < SpectralNorms.Float32Tiny ? 1.0 : 1.0 / total;
        sum *= scale;
        return Math.Sqrt(sum);
    }
}

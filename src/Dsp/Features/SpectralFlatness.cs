using System.Numerics;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Spectral flatness, as <c>librosa.feature.spectral_flatness</c> (power 2, amin 1e-10): the
/// geometric over the arithmetic mean of the power spectrum; 1 for white noise, near 0 for tones.
/// </summary>
public sealed class SpectralFlatness
{
    private readonly double _amin;

    public SpectralFlatness(double amin = 1e-10) => _amin = (float)amin;

    public double Compute(ReadOnlySpan<float> magnitude)
    {
        // Sum of logs as the log of products of 8 bins: powers lie within 1e-10..1e24 (samples are
        // limited to ±1e6), so 8 of them cannot leave double's range, and 8x fewer logs are taken.
        double logSum = 0, sum = 0, product = 1;
        var inProduct = 0;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // The same on double lanes: each lane multiplies 8 powers before its log is taken.
            var width = Vector<float>.Count;
            var amin = new Vector<double>(_amin);
            Vector<double> sum0 = default, sum1 = default, product0 = Vector<double>.One, product1 = Vector<double>.One;
            for (; k <= magnitude.Length - width; k += width)
            {
                Vector.Widen(new Vector<float>(magnitude.Slice(k, width)), out var low, out var high);
                var p0 = Vector.Max(amin, low * low);
                var p1 = Vector.Max(amin, high * high);
                sum0 += p0;
                sum1 += p1;
                product0 *= p0;
                product1 *= p1;
                if (++inProduct == 8)
                {
                    logSum += SumOfLogs(product0) + SumOfLogs(product1);
                    product0 = product1 = Vector<double>.One;
                    inProduct = 0;
                }
            }
            logSum += SumOfLogs(product0) + SumOfLogs(product1);
            sum = Vector.Sum(sum0 + sum1);
            inProduct = 0;
        }
        for (; k < magnitude.Length; k++)
        {
            var power = Math.Max(_amin, (double)magnitude[k] * magnitude[k]);
            sum += power;
            product *= power;
            if (++inProduct == 8)
            {
                logSum += Math.Log(product);
                product = 1;
                inProduct = 0;
            }
        }
        logSum += Math.Log(product);
        var n = magnitude.Length;
        return Math.Exp(logSum / n) / (sum / n);
    }

    private static double SumOfLogs(Vector<double> products)
    {
        double total = 0;
        for (var i = 0; i < Vector<double>.Count; i++) total += Math.Log(products[i]);
        return total;
    }
}

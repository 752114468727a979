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
        for (var k = 0; k < magnitude.Length; k++)
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
}

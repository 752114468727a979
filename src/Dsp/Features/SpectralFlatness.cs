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
        double logSum = 0, sum = 0;
        for (var k = 0; k < magnitude.Length; k++)
        {
            var power = Math.Max(_amin, (double)magnitude[k] * magnitude[k]);
            logSum += Math.Log(power);
            sum += power;
        }
        var n = magnitude.Length;
        return Math.Exp(logSum / n) / (sum / n);
    }
}

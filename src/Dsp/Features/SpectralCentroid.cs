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
        for (var k = 0; k < magnitude.Length; k++)
        {
            total += magnitude[k];
            weighted += _frequencies[k] * magnitude[k];
        }
        // librosa leaves columns whose norm is below float32's tiny un-normalised: all zero gives 0.
        return total < SpectralNorms.Float32Tiny ? weighted : weighted / total;
    }
}

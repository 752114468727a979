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
        double total = 0;
        for (var k = 0; k < magnitude.Length; k++) total += magnitude[k];
        var scale = total < SpectralNorms.Float32Tiny ? 1.0 : 1.0 / total;
        double sum = 0;
        for (var k = 0; k < magnitude.Length; k++)
        {
            var deviation = _frequencies[k] - centroid;
            sum += magnitude[k] * scale * deviation * deviation;
        }
        return Math.Sqrt(sum);
    }
}

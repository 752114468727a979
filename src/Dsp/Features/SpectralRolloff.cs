using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Roll-off frequency, as <c>librosa.feature.spectral_rolloff(roll_percent=0.85)</c>: the
/// lowest bin frequency at which the cumulative magnitude reaches 85 % of the total. The sum
/// runs in float32, left to right, as numpy's cumsum does, because the threshold comparison
/// decides a whole bin.
/// </summary>
public sealed class SpectralRolloff
{
    private readonly double[] _frequencies;
    private readonly float _fraction;

    public SpectralRolloff(double sampleRate = 22050, int fftSize = 2048, double rollPercent = 0.85)
    {
        if (rollPercent is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rollPercent));
        _frequencies = FftFrequencies.Of(fftSize, sampleRate);
        _fraction = (float)rollPercent;
    }

    public double Compute(ReadOnlySpan<float> magnitude)
    {
        float total = 0;
        for (var k = 0; k < magnitude.Length; k++) total += magnitude[k];
        var threshold = _fraction * total;
        float cumulative = 0;
        for (var k = 0; k < magnitude.Length; k++)
        {
            cumulative += magnitude[k];
            if (cumulative >= threshold) return _frequencies[k];
        }
        return _frequencies[^1];
    }
}

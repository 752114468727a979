namespace GenreOrleans.Dsp.Spectral;

/// <summary>Centre frequencies of the FFT bins, computed as <c>numpy.fft.rfftfreq</c> does.</summary>
public static class FftFrequencies
{
    public static double[] Of(int fftSize, double sampleRate)
    {
        // rfftfreq: k * (1 / (n * d)) with d = 1 / sr; kept in this form for bit-equal values.
        var step = 1.0 / (fftSize * (1.0 / sampleRate));
        var freqs = new double[fftSize / 2 + 1];
        for (var k = 0; k < freqs.Length; k++)
            freqs[k] = k * step;
        return freqs;
    }
}

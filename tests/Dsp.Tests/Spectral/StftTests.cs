using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Tests.Spectral;

public sealed class StftTests
{
    [Fact]
    public void Centred_frame_of_a_sine_peaks_at_its_bin()
    {
        var samples = Enumerable.Range(0, 22050).Select(n => (float)Math.Sin(2 * Math.PI * 43.06640625 * 10 * n / 22050)).ToArray();
        var stft = new Stft();
        var magnitude = new float[stft.BinCount];

        stft.Magnitude(samples, 10, magnitude);

        var peak = Array.IndexOf(magnitude, magnitude.Max());
        Assert.Equal(40, peak);
        // A full-scale sine under a periodic Hann window of 2048 peaks at 2048 / 4 = 512.
        Assert.Equal(512, magnitude[peak], 1.0);
    }

    [Fact]
    public void Frames_beyond_the_signal_are_zero_padded()
    {
        var stft = new Stft();
        var magnitude = new float[stft.BinCount];

        stft.Magnitude(new float[100], 0, magnitude);

        Assert.All(magnitude, m => Assert.Equal(0f, m));
        Assert.Equal(1, stft.FrameCount(100));
        Assert.Equal(1, stft.FrameCount(0));
    }
}

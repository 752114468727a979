using GenreOrleans.Dsp.Tests.Features.Reference;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Tests.Tonal;

public sealed class TuningEstimatorTests
{
    [SkippableTheory]
    [MemberData(nameof(LibrosaReference.NativeRateFixtures), MemberType = typeof(LibrosaReference))]
    public void Estimates_the_same_tuning_as_librosa(string fixture)
    {
        var (reference, ours) = ReferenceFeatures.For(fixture);
        Assert.Equal(reference.EstimatedTuning, ours.Tuning, 1e-12);
    }

    // librosa 0.10.1 reads these sines (0.5 sin, 2 s, float32) as 0.15 and -0.34: parabolic
    // interpolation on the power spectrum is biased, and parity keeps the bias.
    [Theory]
    [InlineData(0.2, 0.15)]
    [InlineData(-0.3, -0.34)]
    public void Reads_a_detuned_sine_as_librosa_does(double semitones, double librosaReading)
    {
        var hz = 440.0 * Math.Pow(2, semitones / 12);
        var samples = Enumerable.Range(0, 22050 * 2).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * hz * n / 22050))).ToArray();

        var tuning = Estimate(samples);

        Assert.Equal(librosaReading, tuning, 1e-9);
    }

    [Fact]
    public void No_peaks_means_no_deviation()
    {
        Assert.Equal(0.0, Estimate(new float[8192]));
    }

    private static double Estimate(float[] samples)
    {
        var stft = new GenreOrleans.Dsp.Spectral.Stft();
        var estimator = new TuningEstimator();
        var magnitude = new float[stft.BinCount];
        var power = new float[stft.BinCount];
        for (var t = 0; t < stft.FrameCount(samples.Length); t++)
        {
            stft.Magnitude(samples, t, magnitude);
            for (var k = 0; k < power.Length; k++) power[k] = magnitude[k] * magnitude[k];
            estimator.AddFrame(power);
        }
        return estimator.Estimate();
    }
}

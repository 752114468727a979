using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Dsp.Tests.Rhythm;

public class ModulationSpectrumTests
{
    private const double FrameRate = 22050.0 / 512;
    private const int Bands = 128;

    [Fact]
    public void A_region_pulsing_at_2_hz_puts_its_power_in_the_rate_band_of_2_hz()
    {
        var mel = Mel(1000, (band, t) => band < 8 ? 20 * Math.Sin(2 * Math.PI * 2.0 * t / FrameRate) : 0);

        var pattern = Compute(mel);

        var shares = pattern.AsSpan(0, ModulationSpectrum.Rates).ToArray();
        Assert.Equal(ModulationSpectrum.RateBand(2.0), Array.IndexOf(shares, shares.Max()));
        // The Hann window spreads a tone over three FFT bins (0.34 Hz apart), so a neighbouring band gets some.
        Assert.True(Math.Exp(shares.Max()) > 0.6, $"share {Math.Exp(shares.Max()):F3}");
    }

    [Fact]
    public void Gain_and_a_fixed_eq_change_nothing_and_compression_changes_only_the_power_block()
    {
        var random = new Random(7);
        var noise = Enumerable.Range(0, Bands * 800).Select(_ => random.NextDouble() * 30).ToArray();
        var mel = Mel(800, (band, t) => noise[band * 800 + t] - 60);
        var louder = Mel(800, (band, t) => noise[band * 800 + t] - 60 + 6 + 0.1 * band);
        var compressed = Mel(800, (band, t) => 0.5 * noise[band * 800 + t] - 60);

        float[] plain = Compute(mel), gained = Compute(louder), squeezed = Compute(compressed);

        var shareLength = ModulationSpectrum.Regions * ModulationSpectrum.Rates;
        for (var i = 0; i < ModulationSpectrum.Length; i++)
            Assert.Equal(plain[i], gained[i], 3);
        for (var i = 0; i < shareLength; i++)
            Assert.Equal(plain[i], squeezed[i], 3);
        // Halving the dB swing quarters the power: ln(1/4) lower.
        Assert.Equal(plain[shareLength] - Math.Log(4), squeezed[shareLength], 2);
    }

    [Fact]
    public void Bands_above_the_read_range_are_ignored()
    {
        var quiet = Mel(600, (band, t) => band < ModulationSpectrum.BandsRead ? Math.Sin(t) : 0);
        var noisyTop = Mel(600, (band, t) => band < ModulationSpectrum.BandsRead ? Math.Sin(t) : 40 * Math.Sin(0.3 * t * band));

        Assert.Equal(Compute(quiet), Compute(noisyTop));
    }

    [Fact]
    public void Silence_and_inputs_shorter_than_a_window_give_finite_values()
    {
        Assert.All(Compute(Mel(1000, (_, _) => -80)), v => Assert.True(float.IsFinite(v)));
        Assert.All(Compute(Mel(10, (_, t) => t)), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Too_few_mel_bands_are_refused()
    {
        var narrow = new FeatureMatrix(40, 200, new float[40 * 200]);

        Assert.Throws<ArgumentException>(() => new ModulationSpectrum(FrameRate).Compute(narrow, new float[ModulationSpectrum.Length]));
    }

    [Fact]
    public void Names_match_the_vector_length()
    {
        Assert.Equal(ModulationSpectrum.Length, ModulationSpectrum.Names.Count);
        Assert.Equal(ModulationSpectrum.Length, ModulationSpectrum.Names.Distinct().Count());
    }

    private static float[] Compute(FeatureMatrix mel)
    {
        var pattern = new float[ModulationSpectrum.Length];
        new ModulationSpectrum(FrameRate).Compute(mel, pattern);
        return pattern;
    }

    private static FeatureMatrix Mel(int frames, Func<int, int, double> value)
    {
        var data = new float[Bands * frames];
        for (var band = 0; band < Bands; band++)
            for (var t = 0; t < frames; t++)
                data[band * frames + t] = (float)value(band, t);
        return new FeatureMatrix(Bands, frames, data);
    }
}

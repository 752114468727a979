using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Dsp.Tests.Resampling;

public class ResamplerTests
{
    private static float[] Sine(int rate, double frequency, int length, double amplitude = 0.5) =>
        Enumerable.Range(0, length).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / rate))).ToArray();

    /// <summary>RMS of (output - ideal sine) over the middle of the signal, away from the zero-padded edges, in dB re the sine's RMS.</summary>
    private static double ErrorDb(float[] output, int rate, double frequency, double amplitude)
    {
        double error = 0;
        var count = 0;
        for (var n = output.Length / 4; n < output.Length * 3 / 4; n++)
        {
            var ideal = amplitude * Math.Sin(2 * Math.PI * frequency * n / rate);
            error += (output[n] - ideal) * (output[n] - ideal);
            count++;
        }
        return 10 * Math.Log10(error / count / (amplitude * amplitude / 2));
    }

    [Theory]
    [InlineData(44100, 1000.0)]
    [InlineData(48000, 1000.0)]
    [InlineData(32000, 3000.0)]
    [InlineData(11025, 1000.0)]
    [InlineData(8000, 440.0)]
    [InlineData(44101, 1000.0)]
    public void Sine_in_the_pass_band_comes_out_within_minus_100_db(int inputRate, double frequency)
    {
        var output = new Resampler(inputRate, 22050).Process(Sine(inputRate, frequency, inputRate));
        Assert.True(ErrorDb(output, 22050, frequency, 0.5) < -100, $"error {ErrorDb(output, 22050, frequency, 0.5):F1} dB");
    }

    [Fact]
    public void Pass_band_is_flat_to_0_01_db_at_90_percent_of_nyquist()
    {
        var output = new Resampler(44100, 22050).Process(Sine(44100, 9900, 44100));
        var rms = Math.Sqrt(output[5000..17000].Average(x => (double)x * x));
        var gainDb = 20 * Math.Log10(rms / (0.5 / Math.Sqrt(2)));
        Assert.InRange(gainDb, -0.01, 0.01);
    }

    [Theory]
    [InlineData(44100, 15000.0)]
    [InlineData(48000, 12000.0)]
    public void Tones_above_the_new_nyquist_are_suppressed_by_more_than_110_db(int inputRate, double frequency)
    {
        var output = new Resampler(inputRate, 22050).Process(Sine(inputRate, frequency, inputRate));
        var rms = Math.Sqrt(output[5000..17000].Average(x => (double)x * x));
        var db = 20 * Math.Log10(rms / (0.5 / Math.Sqrt(2)));
        Assert.True(db < -110, $"alias at {db:F1} dB");
    }

    [Fact]
    public void Output_length_is_input_length_times_the_rate_ratio_rounded_up()
    {
        var resampler = new Resampler(44100, 22050);
        Assert.Equal(50, resampler.Process(new float[99]).Length);
        Assert.Empty(resampler.Process([]));
    }

    [Fact]
    public void Same_rate_returns_the_input_unchanged()
    {
        float[] input = [0.1f, -0.2f, 0.3f];
        Assert.Equal(input, new Resampler(22050, 22050).Process(input));
    }

    [Fact]
    public void Output_is_not_delayed()
    {
        // An impulse at input sample 4410 (0.1 s) must peak at output sample 2205 (0.1 s).
        var input = new float[44100];
        input[4410] = 1;
        var output = new Resampler(44100, 22050).Process(input);
        Assert.Equal(2205, Array.IndexOf(output, output.Max()));
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(96000)]
    public void Halving_in_blocks_gives_bit_for_bit_the_values_of_one_output_at_a_time(int inputRate) =>
        AssertProcessMatchesOneOutputAtATime(new Resampler(inputRate, inputRate / 2), seed: 5);

    [Theory]
    [InlineData(48000)]
    [InlineData(32000)]
    [InlineData(44101)] // interpolated phases: one output at a time
    public void Four_outputs_at_a_time_give_bit_for_bit_the_values_of_one_output_at_a_time(int inputRate) =>
        AssertProcessMatchesOneOutputAtATime(new Resampler(inputRate, 22050), seed: 6);

    private static void AssertProcessMatchesOneOutputAtATime(Resampler resampler, int seed)
    {
        var random = new Random(seed);
        // Loud noise with a few huge and tiny samples: rounding differences would show.
        var input = Enumerable.Range(0, 20_011).Select(n => (float)((random.NextDouble() - 0.5) * (n % 97 == 0 ? 1e4 : n % 89 == 0 ? 1e-6 : 2))).ToArray();

        var output = resampler.Process(input);

        var lead = resampler.TapsPerPhase / 2 - 1;
        var padded = new float[input.Length + resampler.TapsPerPhase + 1];
        input.CopyTo(padded, lead + 1);
        for (var n = 0; n < output.Length; n++)
        {
            var expected = resampler.OutputSample(n, padded.AsSpan((int)(resampler.InputIndex(n) + 1), resampler.TapsPerPhase));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(output[n]));
        }
    }
}

using System.Numerics;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Dsp.Tests.Tonal;

public class PitchClassProfileTests
{
    private const double SampleRate = 22050;
    private const int FftSize = 2048;
    private const int Bins = FftSize / 2 + 1;

    /// <summary>A power frame with one Hann-shaped partial per frequency (main lobe over three bins) and a low noise floor.</summary>
    private static float[] Frame(Random random, params (double Hz, double Amplitude)[] partials)
    {
        var power = new float[Bins];
        for (var k = 0; k < Bins; k++) power[k] = (float)(1e-6 * random.NextDouble());
        foreach (var (hz, amplitude) in partials)
        {
            var bin = hz / (SampleRate / FftSize);
            var centre = (int)Math.Round(bin);
            for (var k = centre - 2; k <= centre + 2; k++)
            {
                var d = k - bin;
                var lobe = Math.Abs(d) < 2 ? 0.5 + 0.5 * Math.Cos(Math.PI * d / 2) : 0;
                power[k] += (float)(amplitude * amplitude * lobe * lobe);
            }
        }
        return power;
    }

    private static double Hz(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);

    [Fact]
    public void A_held_c_major_triad_peaks_at_c_e_and_g()
    {
        var profile = new PitchClassProfile(SampleRate, FftSize);
        profile.Reset();
        var random = new Random(1);
        for (var t = 0; t < 40; t++)
            profile.AddFrame(Frame(random, (Hz(60), 1), (Hz(64), 0.8), (Hz(67), 0.8)));

        var values = profile.Profile.ToArray();
        var top3 = values.Select((v, pc) => (v, pc)).OrderByDescending(x => x.v).Take(3).Select(x => x.pc).Order().ToArray();
        Assert.Equal([0, 4, 7], top3);
        Assert.Equal(40, profile.FrameCount);
    }

    [Fact]
    public void Follows_the_tuning_it_is_given()
    {
        // An A played 40 cents sharp lands on A (index 9) when the tuning is known.
        var profile = new PitchClassProfile(SampleRate, FftSize);
        profile.Reset(tuning: 0.4);
        var random = new Random(2);
        for (var t = 0; t < 20; t++)
            profile.AddFrame(Frame(random, (Hz(69) * Math.Pow(2, 0.4 / 12), 1), (Hz(57) * Math.Pow(2, 0.4 / 12), 0.7)));

        var values = profile.Profile.ToArray();
        Assert.Equal(9, Array.IndexOf(values, values.Max()));
        Assert.True(values[10] < 0.2 * values[9], $"A# {values[10]:F3} against A {values[9]:F3}");
    }

    [Fact]
    public void Single_frame_hits_are_removed_by_the_harmonic_median_filter()
    {
        // A held C with an unrelated F# blip in every tenth frame: the blip lasts one frame, so
        // the nine-frame median leaves no trace of it.
        var values = HeldCWithSingleFrameBlips(new PitchClassProfileOptions());
        Assert.True(values[6] <= 0.01 * values[0], $"F# {values[6]:F4} against C {values[0]:F4}");
    }

    /// <summary>A held C with an F# blip (and its harmonics) in every tenth frame, one frame long.</summary>
    private static double[] HeldCWithSingleFrameBlips(PitchClassProfileOptions options)
    {
        var profile = new PitchClassProfile(SampleRate, FftSize, options);
        profile.Reset();
        var random = new Random(3);
        for (var t = 0; t < 100; t++)
            profile.AddFrame(t % 10 == 5
                ? Frame(random, (Hz(60), 1), (Hz(66), 3), (Hz(78), 3))
                : Frame(random, (Hz(60), 1)));
        return profile.Profile.ToArray();
    }

    [Fact]
    public void Without_the_median_filter_single_frame_hits_count()
    {
        var values = HeldCWithSingleFrameBlips(new PitchClassProfileOptions { HarmonicMedianFrames = 1 });
        Assert.True(values[6] > 0.05 * values[0], $"F# {values[6]:F4} against C {values[0]:F4}");
    }

    [Fact]
    public void Median_of_nine_network_equals_the_sorted_median()
    {
        var width = Vector<float>.Count;
        var stride = 5 * width;
        var random = new Random(4);
        var ring = new float[9 * stride];
        for (var i = 0; i < ring.Length; i++) ring[i] = (float)random.NextDouble();
        var median = new double[stride];

        var done = PitchClassProfile.MedianOfNine(ring, stride, median);

        Assert.Equal(stride, done);
        for (var n = 0; n < stride; n++)
        {
            var column = Enumerable.Range(0, 9).Select(r => ring[r * stride + n]).Order().ToArray();
            Assert.Equal(column[4], median[n]);
        }
    }

    [Fact]
    public void Silence_nan_and_infinity_leave_the_profile_at_zero()
    {
        var profile = new PitchClassProfile(SampleRate, FftSize);
        profile.Reset();
        var silent = new float[Bins];
        var broken = Enumerable.Repeat(float.NaN, Bins).ToArray();
        broken[100] = float.PositiveInfinity;
        for (var t = 0; t < 20; t++) profile.AddFrame(t % 2 == 0 ? silent : broken);

        Assert.All(profile.Profile.ToArray(), v => Assert.Equal(0, v));
        Assert.Equal(KeyReading.None, new KeyDetector().DetectFromProfile(profile.Profile));
    }

    [Fact]
    public void Rejects_an_even_median_length()
    {
        Assert.Throws<ArgumentException>(() => new PitchClassProfile(SampleRate, FftSize, new PitchClassProfileOptions { HarmonicMedianFrames = 8 }));
    }
}

using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tests.Features;

/// <summary>Degenerate inputs give defined, finite features and never throw.</summary>
public sealed class FeatureExtractorRobustnessTests
{
    public static readonly TheoryData<string> Signals = new()
    {
        "silence", "dc", "full-scale square", "clipped sine", "beyond full scale", "nan and infinity",
        "empty", "one sample", "shorter than a frame", "alternating extremes",
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void Every_feature_and_the_summary_are_finite(string signal)
    {
        var features = new FeatureExtractor().Extract(Make(signal));

        foreach (var (name, matrix) in features.Named())
            Assert.True(matrix.Data.All(float.IsFinite), $"{name} has a non-finite value for {signal}");
        Assert.All(FeatureSummary.Compute(features), v => Assert.True(float.IsFinite(v)));
        Assert.True(double.IsFinite(features.TempoBpm));
        Assert.True(double.IsFinite(features.Tuning));
    }

    [Theory]
    [MemberData(nameof(Signals))]
    public void There_is_one_frame_per_hop_plus_one(string signal)
    {
        var samples = Make(signal);
        var features = new FeatureExtractor().Extract(samples);

        Assert.Equal(1 + samples.Length / 512, features.FrameCount);
        Assert.All(features.Named(), named => Assert.Equal(features.FrameCount, named.Values.Columns));
    }

    [Fact]
    public void Silence_reads_as_the_mel_floor_with_no_tempo()
    {
        var features = new FeatureExtractor().Extract(new float[22050]);

        // All power is below amin = 1e-10, so every band sits at -100 dB.
        Assert.All(features.MelDb.Data, v => Assert.Equal(-100f, v));
        Assert.All(features.Rms.Data, v => Assert.Equal(0f, v));
        Assert.Equal(0, features.TempoBpm);
        Assert.Empty(features.BeatFrames);
    }

    [Fact]
    public void Samples_beyond_full_scale_are_not_clipped()
    {
        var loud = Make("beyond full scale");

        var features = new FeatureExtractor().Extract(loud);

        // A sine of amplitude 4 has an RMS of 4 / sqrt(2).
        Assert.Equal(4 / Math.Sqrt(2), features.Rms[0, 20], 0.01);
    }

    [Fact]
    public void Non_finite_samples_count_as_silence()
    {
        var clean = Make("clipped sine");
        var dirty = (float[])clean.Clone();
        dirty[5000] = 0f;
        clean[5000] = 0f;
        dirty[5000] = float.NaN;

        var a = new FeatureExtractor().Extract(clean);
        var b = new FeatureExtractor().Extract(dirty);

        Assert.Equal(a.MelDb.Data, b.MelDb.Data);
    }

    internal static float[] Make(string signal)
    {
        const int n = 22050 * 3;
        float[] Generate(Func<int, double> f) => Enumerable.Range(0, n).Select(i => (float)f(i)).ToArray();
        return signal switch
        {
            "silence" => new float[n],
            "dc" => Generate(_ => 0.5),
            "full-scale square" => Generate(i => (i / 50) % 2 == 0 ? 1.0 : -1.0),
            "clipped sine" => Generate(i => Math.Clamp(10 * Math.Sin(2 * Math.PI * 220 * i / 22050), -1, 1)),
            "beyond full scale" => Generate(i => 4 * Math.Sin(2 * Math.PI * 330 * i / 22050)),
            "nan and infinity" => Generate(i => (i % 997) switch
            {
                0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity,
                _ => 0.3 * Math.Sin(i * 0.05),
            }),
            "empty" => [],
            "one sample" => [0.7f],
            "shorter than a frame" => Generate(i => Math.Sin(i * 0.1))[..1500],
            "alternating extremes" => Generate(i => i % 2 == 0 ? float.MaxValue : float.MinValue),
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
    }
}

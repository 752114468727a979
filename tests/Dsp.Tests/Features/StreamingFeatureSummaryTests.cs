using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tests.Features;

public sealed class StreamingFeatureSummaryTests
{
    [Fact]
    public void A_clip_shorter_than_a_block_is_summarised_exactly()
    {
        var samples = Drums(seconds: 8);
        var expected = new FeatureExtractor().Extract(samples);

        var streaming = new StreamingFeatureSummary(blockSeconds: 30);
        foreach (var chunk in samples.Chunk(4410)) streaming.Append(chunk);
        var summary = streaming.Complete();

        Assert.Equal(FeatureSummary.Compute(expected), summary.Vector);
        Assert.Equal(expected.BeatFrames, summary.BeatFrames);
    }

    [Fact]
    public void Blocks_see_the_same_frames_as_the_whole_signal()
    {
        // 40 s in 5 s blocks. A steady tone keeps each block's tuning estimate equal to the whole
        // signal's; the per-block 80 dB floor of mel dB still moves MFCCs by a few thousandths.
        var samples = Drums(seconds: 40);
        var whole = FeatureSummary.Compute(new FeatureExtractor().Extract(samples));

        var streaming = new StreamingFeatureSummary(blockSeconds: 5);
        foreach (var chunk in samples.Chunk(10000)) streaming.Append(chunk);
        var summary = streaming.Complete();

        Assert.Equal(1 + samples.Length / 512, summary.FrameCount);
        var names = FeatureSummary.Names;
        for (var i = 0; i < whole.Length; i++)
            Assert.True(Math.Abs(whole[i] - summary.Vector[i]) <= 1e-2 * Math.Max(1, Math.Abs(whole[i])),
                $"{names[i]}: whole {whole[i]}, streamed {summary.Vector[i]}");
    }

    [Fact]
    public void Twenty_minutes_stream_through_a_bounded_buffer()
    {
        var loop = Drums(seconds: 4);
        var streaming = new StreamingFeatureSummary();
        var chunks = 20 * 60 / 4;
        for (var i = 0; i < chunks; i++) streaming.Append(loop);

        var summary = streaming.Complete();

        Assert.Equal(TimeSpan.FromMinutes(20), summary.Duration);
        Assert.All(summary.Vector, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(60.0 * 22050 / 512 / 21, summary.TempoBpm, 0.5 * 60.0 * 22050 / 512 / (21 * 21));
    }

    // A kick every 21 hops (about 123 BPM), quieter hats and a steady tone a tenth of a semitone
    // sharp, so tempo, beats and tuning are well defined.
    private static float[] Drums(int seconds)
    {
        var n = seconds * 22050;
        var samples = new float[n];
        var random = new Random(11);
        var beat = 21 * 512;
        for (var i = 0; i < n; i++)
        {
            var sinceKick = i % beat;
            var kick = Math.Exp(-sinceKick / 1500.0) * Math.Sin(2 * Math.PI * 60 * sinceKick / 22050);
            var sinceHat = i % (beat / 2);
            var hat = Math.Exp(-sinceHat / 300.0) * (random.NextDouble() - 0.5) * 0.3;
            var tone = 0.2 * Math.Sin(2 * Math.PI * 440 * Math.Pow(2, 0.1 / 12) * i / 22050);
            samples[i] = (float)(0.8 * kick + hat + tone);
        }
        return samples;
    }
}

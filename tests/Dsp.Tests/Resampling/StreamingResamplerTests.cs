using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Dsp.Tests.Resampling;

public class StreamingResamplerTests
{
    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(11025)]
    [InlineData(44101)] // interpolated phases
    [InlineData(22050)] // same rate: a copy
    public void Pieces_of_any_size_give_exactly_the_samples_of_the_whole_signal(int inputRate)
    {
        var random = new Random(inputRate);
        var input = Enumerable.Range(0, 30_011).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var resampler = new Resampler(inputRate, 22050);
        var whole = resampler.Process(input);

        var stream = resampler.CreateStream();
        var pieces = new List<float>();
        var offset = 0;
        while (offset < input.Length)
        {
            // Empty, single-sample, shorter-than-the-filter and long pieces.
            var length = Math.Min(input.Length - offset, random.Next(4) switch { 0 => 0, 1 => 1, 2 => random.Next(2, 400), _ => random.Next(400, 9000) });
            pieces.AddRange(stream.Write(input.AsSpan(offset, length)).ToArray());
            offset += length;
        }
        pieces.AddRange(stream.Complete().ToArray());

        Assert.Equal(whole, pieces.ToArray());
        Assert.Equal(whole.Length, stream.OutputCount);
    }

    [Fact]
    public void An_empty_signal_gives_no_samples()
    {
        var stream = new Resampler(44100, 22050).CreateStream();
        Assert.Equal(0, stream.Complete().Length);
    }
}

using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Dsp.Tests.Resampling;

public class BackgroundResamplerTests
{
    [Theory]
    [InlineData(44100)]
    [InlineData(22050)]
    public void Blocks_resampled_on_the_worker_equal_resampling_the_whole_signal(int inputRate)
    {
        var random = new Random(inputRate);
        var input = Enumerable.Range(0, 100_003).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var whole = new Resampler(inputRate, 22050).Process(input);

        using var background = new BackgroundResampler(new Resampler(inputRate, 22050).CreateStream(), 1024);
        var offset = 0;
        while (offset < input.Length)
        {
            var count = Math.Min(input.Length - offset, random.Next(1, 1025));
            var block = background.Rent();
            input.AsSpan(offset, count).CopyTo(block);
            background.Submit(block, count);
            offset += count;
        }

        Assert.Equal(whole, background.Complete());
    }

    [Fact]
    public async Task Disposing_without_completing_abandons_the_work_without_waiting_for_more_blocks()
    {
        var background = new BackgroundResampler(new Resampler(44100, 22050).CreateStream(), 256);
        var block = background.Rent();
        background.Submit(block, 256);

        // Dispose must not hang while the worker waits for blocks that will never come.
        await Task.Run(background.Dispose).WaitAsync(TimeSpan.FromSeconds(10));
    }
}

using GenreOrleans.Analysis.Model;
using static TorchSharp.torch;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class PairMaxPoolTests
{
    [Theory]
    [InlineData(true, true, 2, 2)]
    [InlineData(true, false, 2, 1)]
    [InlineData(false, true, 1, 2)]
    public void Gives_in_evaluation_what_max_pool_with_the_same_kernel_gives(bool frequency, bool time, long kernelRows, long kernelSteps)
    {
        using var pool = new PairMaxPool(frequency, time);
        pool.eval();
        using var reference = nn.MaxPool2d(new[] { kernelRows, kernelSteps });
        using var input = randn(3, 4, 16, 10);
        using var expected = reference.call(input);
        using var pooled = pool.call(input);
        Assert.Equal(expected.shape, pooled.shape);
        Assert.True(expected.Equals(pooled));
    }

    [Fact]
    public void Drops_an_odd_last_row_and_step_as_max_pool_does()
    {
        using var pool = new PairMaxPool(frequency: true, time: true);
        pool.eval();
        using var reference = nn.MaxPool2d(new long[] { 2, 2 });
        using var input = randn(2, 3, 9, 7);
        using var expected = reference.call(input);
        using var pooled = pool.call(input);
        Assert.Equal(new long[] { 2, 3, 4, 3 }, pooled.shape);
        Assert.True(expected.Equals(pooled));
    }

    [Fact]
    public void Passes_a_tied_pair_s_gradient_to_one_element_in_training_as_max_pool_does()
    {
        using var pool = new PairMaxPool(frequency: true, time: false);
        using var input = tensor(new float[] { 1, 5, 3, 3 }, new long[] { 1, 1, 4, 1 }).requires_grad_();
        using var pooled = pool.call(input);
        using var total = pooled.sum();
        total.backward();
        Assert.Equal(new float[] { 0, 1, 1, 0 }, input.grad!.data<float>().ToArray());
    }
}

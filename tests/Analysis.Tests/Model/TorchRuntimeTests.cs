using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Native_torch_library_loads_and_computes()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = a.mul(2).sum();
        Assert.Equal(12f, b.item<float>());
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreOrleans.Analysis.Model;

/// <summary>3x3 convolution (same padding) + batch norm + ReLU + 2x2 max-pool: one stage of the full-resolution front end.</summary>
public sealed class ConvBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;
    private readonly PairMaxPool pool;

    public ConvBlock(int inputChannels, int outputChannels) : base(nameof(ConvBlock))
    {
        conv = Conv2d(inputChannels, outputChannels, 3, padding: 1, bias: false);
        norm = BatchNorm2d(outputChannels);
        pool = new PairMaxPool(frequency: true, time: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var conved = conv.call(input);
        using var normed = norm.call(conved);
        using var activated = functional.relu(normed);
        return pool.call(activated);
    }
}

using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Max-pooling over non-overlapping pairs of frequency rows and/or time steps of [B, C, F, T]:
/// the same values as <c>MaxPool2d</c> with a 2x2, 2x1 or 1x2 kernel and an equal stride (an odd
/// last row or step is dropped, as there). In evaluation they are computed as reductions over a
/// reshaped tensor: libtorch's CPU max-pool kernel for this layout walks each window element by
/// element, and in inference it took as long as the convolutions; the reductions run about three
/// times faster. In training the pool is libtorch's: where a pair ties (silent stretches of a
/// window standardise to equal values), its gradient goes to one element, where a reduction's
/// would be split, so training runs exactly as before.
/// </summary>
public sealed class PairMaxPool : Module<Tensor, Tensor>
{
    private readonly bool _frequency;
    private readonly bool _time;
    private readonly long[] _kernel;

    public PairMaxPool(bool frequency, bool time) : base(nameof(PairMaxPool))
    {
        if (!frequency && !time)
            throw new ArgumentException("a pool halves frequency, time or both");
        _frequency = frequency;
        _time = time;
        _kernel = new long[] { frequency ? 2 : 1, time ? 2 : 1 };
    }

    public override Tensor forward(Tensor input)
    {
        if (training)
            return functional.max_pool2d(input, _kernel);
        using var scope = NewDisposeScope();
        var x = input;
        if (_frequency)
        {
            var (b, c, f, t) = (x.shape[0], x.shape[1], x.shape[2] / 2, x.shape[3]);
            x = x.narrow(2, 0, 2 * f).reshape(b, c, f, 2, t).amax(new long[] { 3 });
        }
        if (_time)
        {
            var (b, c, f, t) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3] / 2);
            x = x.narrow(3, 0, 2 * t).reshape(b, c, f, t, 2).amax(new long[] { 4 });
        }
        return x.MoveToOuterDisposeScope();
    }
}

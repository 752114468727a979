using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Training;

/// <summary>
/// <c>weight × Σ ‖W_a − W_b‖²</c> over linked rows (a, b) of a class-weight matrix: a graph Laplacian
/// penalty that draws related genres' weights together (the descriptor head's regression and the
/// network's genre layer both add it to their loss; see <see cref="Data.GenreLinks"/>).
/// </summary>
public sealed class LinkPenalty : IDisposable
{
    private readonly Tensor _first;
    private readonly Tensor _second;
    private readonly Scalar _weight;

    private LinkPenalty(IReadOnlyList<(int First, int Second)> links, double weight, Device? device)
    {
        _first = tensor(links.Select(l => (long)l.First).ToArray(), device: device);
        _second = tensor(links.Select(l => (long)l.Second).ToArray(), device: device);
        _weight = weight.ToScalar(); // held: an implicit Scalar can be finalised mid-call (see EpochRunner)
    }

    /// <summary>The penalty, or null when there is no link or no weight (nothing to add).</summary>
    /// <param name="device">Where the weights it is applied to live (the CPU when null).</param>
    public static LinkPenalty? Create(IReadOnlyList<(int First, int Second)>? links, double weight, Device? device = null) =>
        links is { Count: > 0 } && weight > 0 ? new LinkPenalty(links, weight, device) : null;

    /// <summary>The penalty of <paramref name="weights"/> [classes, inputs], differentiable.</summary>
    public Tensor Of(Tensor weights) =>
        weights.index_select(0, _first).sub(weights.index_select(0, _second)).square().sum().mul(_weight);

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _weight.Dispose();
    }
}

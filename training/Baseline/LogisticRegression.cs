using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Baseline;

/// <summary>
/// A multinomial logistic regression on standardised vectors, L2-regularised and fitted
/// full-batch with Adam: the seed-style baseline and the model's descriptor head are both one.
/// </summary>
public sealed record LogisticRegression(FeatureScaler Scaler, float[] Weights, float[] Bias)
{
    public const double DefaultL2 = 1e-2;

    /// <summary>
    /// Fits the regression. With <paramref name="links"/> and a positive <paramref name="linkWeight"/>,
    /// the loss also holds <c>linkWeight × Σ ‖w_a − w_b‖²</c> over the linked classes' weight rows (a graph
    /// Laplacian penalty): a class with few examples is drawn towards the classes it is linked to
    /// instead of towards zero alone.
    /// </summary>
    public static LogisticRegression Fit(IReadOnlyList<float[]> rows, IReadOnlyList<int> classes, int classCount, int seed,
        double l2 = DefaultL2, int steps = 400, IReadOnlyList<(int First, int Second)>? links = null, double linkWeight = 0)
    {
        torch.manual_seed(seed);
        var scaler = FeatureScaler.Fit(rows);
        var length = scaler.Length;
        using var scope = NewDisposeScope();
        var x = tensor(rows.SelectMany(r => scaler.Transform(r)).ToArray(), new long[] { rows.Count, length });
        var y = tensor(classes.Select(c => (long)c).ToArray());
        using var model = nn.Linear(length, classCount);
        using var optimizer = optim.Adam(model.parameters(), 0.01, weight_decay: l2);
        using var penalty = LinkPenalty.Create(links, linkWeight);
        using var one = 1.ToScalar(); // held: an implicit Scalar can be finalised mid-call (see EpochRunner)
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            if (penalty is not null)
                loss = loss.add(penalty.Of(model.weight!), one);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return new LogisticRegression(scaler, model.weight!.data<float>().ToArray(), model.bias!.data<float>().ToArray());
    }

    /// <summary>The fitted model as the product's descriptor head, fused at <paramref name="fusionWeight"/>.</summary>
    public DescriptorHead ToDescriptorHead(string version, double fusionWeight) =>
        new(version, ScalerValues.From(Scaler), Weights, Bias, fusionWeight);

    /// <summary>Class probabilities of one vector.</summary>
    public double[] Probabilities(ReadOnlySpan<float> values) =>
        ToDescriptorHead("", 0).LogProbabilities(values).Select(Math.Exp).ToArray();
}

using GenreOrleans.Analysis.Model;
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

    public static LogisticRegression Fit(IReadOnlyList<float[]> rows, IReadOnlyList<int> classes, int classCount, int seed,
        double l2 = DefaultL2, int steps = 400)
    {
        torch.manual_seed(seed);
        var scaler = FeatureScaler.Fit(rows);
        var length = scaler.Length;
        using var scope = NewDisposeScope();
        var x = tensor(rows.SelectMany(r => scaler.Transform(r)).ToArray(), new long[] { rows.Count, length });
        var y = tensor(classes.Select(c => (long)c).ToArray());
        using var model = nn.Linear(length, classCount);
        using var optimizer = optim.Adam(model.parameters(), 0.01, weight_decay: l2);
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x), y);
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

using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Baseline;

/// <summary>
/// The seed-style baseline: standardised track summary features into a multinomial logistic
/// regression (L2-regularised, fitted full-batch), evaluated on the same split as the network.
/// </summary>
public static class LogisticRegressionBaseline
{
    public static EvaluationMetrics FitAndEvaluate(
        IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, LabelMap labels, int seed, double l2 = 1e-3, int steps = 400)
    {
        torch.manual_seed(seed);
        var scaler = FeatureScaler.Fit(train.Select(c => c.Features.Summary).ToList());
        var length = scaler.Length;
        using var scope = NewDisposeScope();
        var x = tensor(train.SelectMany(c => scaler.Transform(c.Features.Summary)).ToArray(), new long[] { train.Count, length });
        var y = tensor(train.Select(c => (long)c.Genre).ToArray());
        using var model = nn.Linear(length, labels.GenreCount);
        using var optimizer = optim.Adam(model.parameters(), 0.01, weight_decay: l2);
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        using var noGrad = no_grad();
        var xv = tensor(validation.SelectMany(c => scaler.Transform(c.Features.Summary)).ToArray(), new long[] { validation.Count, length });
        var probabilities = model.call(xv).softmax(1).data<float>().ToArray();
        var predictions = validation.Select((c, i) =>
        {
            var genres = new double[labels.GenreCount];
            for (var g = 0; g < genres.Length; g++)
                genres[g] = probabilities[i * labels.GenreCount + g];
            var families = Analysis.Pipeline.ScoreAggregator.Families(genres, labels.FamilyOfGenre, labels.FamilyCount);
            return new ClipPrediction(c.Genre, labels.FamilyOfGenre[c.Genre], genres, families);
        }).ToList();
        return EvaluationMetrics.Compute(predictions, labels.GenreCount, labels.FamilyCount);
    }
}

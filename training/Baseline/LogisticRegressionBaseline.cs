using GenreOrleans.Analysis.Model;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Baseline;

/// <summary>
/// The seed-style baseline: the librosa-style <see cref="FeatureSummary"/> (MFCC, chroma,
/// spectral shape, ZCR, RMS, onset strength and tempo; the head of each clip's descriptor vector)
/// standardised into a <see cref="LogisticRegression"/>, evaluated on the same split as the network.
/// </summary>
public static class LogisticRegressionBaseline
{
    public static EvaluationMetrics FitAndEvaluate(
        IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, LabelMap labels, int seed)
    {
        static float[] Summary(TrainingClip clip) => clip.Features.Descriptors[..FeatureSummary.Length];
        var model = LogisticRegression.Fit(train.Select(Summary).ToList(), train.Select(c => c.Genre).ToList(), labels.GenreCount, seed);
        var predictions = validation.Select(c => ClipPrediction.Of(c.Genre, model.Probabilities(Summary(c)), labels)).ToList();
        return EvaluationMetrics.Compute(predictions, labels.GenreCount, labels.FamilyCount);
    }
}

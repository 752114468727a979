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
        IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, LabelMap labels, int seed) =>
        FitAndEvaluate(train, validation, labels, seed, clip => clip.Features.Descriptors[..FeatureSummary.Length]);

    /// <summary>
    /// Fits a <see cref="LogisticRegression"/> from <paramref name="vector"/> of the training clips to
    /// their genres and measures it on the validation clips (the baseline, and <c>head-cv</c>'s
    /// descriptor head alone, are this on different vectors).
    /// </summary>
    public static EvaluationMetrics FitAndEvaluate(
        IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, LabelMap labels, int seed, Func<TrainingClip, float[]> vector)
    {
        var model = LogisticRegression.Fit(train.Select(vector).ToList(), train.Select(c => c.Genre).ToList(), labels.GenreCount, seed);
        return Evaluate(model, validation, labels, vector);
    }

    /// <summary>Metrics of a fitted <paramref name="model"/> reading <paramref name="vector"/> of each of <paramref name="clips"/>.</summary>
    public static EvaluationMetrics Evaluate(
        LogisticRegression model, IReadOnlyList<TrainingClip> clips, LabelMap labels, Func<TrainingClip, float[]> vector)
    {
        var predictions = clips.Select(c => ClipPrediction.Of(c.Genre, model.Probabilities(vector(c)), labels)).ToList();
        return EvaluationMetrics.Compute(predictions, labels.GenreCount, labels.FamilyCount);
    }
}

using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// What a <see cref="TempoFamilyPrior"/> does to the out-of-fold clips of a cross-validation: each clip's fused scores
/// with and without the prior, the prior of each fold fitted on the other folds' clips only (their tempos and
/// families), and the low-confidence threshold recalibrated on the result.
/// </summary>
public sealed record TempoPriorCheck(EvaluationMetrics Without, EvaluationMetrics With, PooledThreshold Calibration)
{
    /// <summary>One out-of-fold clip: its fold, its scores before fusion, and its tempo (0 when none was read).</summary>
    public sealed record Clip(int Fold, ClipScores Scores, double TempoBpm);

    public static TempoPriorCheck Run(IReadOnlyList<Clip> clips, LabelMap labels, double fusionWeight, double weight, double bandwidthOctaves)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(labels);
        var fused = clips.Select(c => c.Scores.Fused(fusionWeight)).ToList();
        var priors = clips.Select(c => c.Fold).Distinct().ToDictionary(fold => fold, fold => TempoFamilyPrior.Fit(
            clips.Where(c => c.Fold != fold).Select(c => (labels.Genres[c.Scores.TrueGenre].Family, c.TempoBpm)),
            weight, bandwidthOctaves));
        var without = clips.Select((c, i) => ClipPrediction.Of(c.Scores.TrueGenre, fused[i], labels)).ToList();
        var with = clips.Select((c, i) => ClipPrediction.Of(c.Scores.TrueGenre,
            priors[c.Fold].Apply(fused[i], labels, c.TempoBpm), labels)).ToList();
        return new TempoPriorCheck(
            EvaluationMetrics.Compute(without, labels.GenreCount, labels.FamilyCount),
            EvaluationMetrics.Compute(with, labels.GenreCount, labels.FamilyCount),
            PooledThreshold.Calibrate(with, clips.Select(c => c.Scores.Unfamiliar).ToList(), fusionWeight));
    }
}

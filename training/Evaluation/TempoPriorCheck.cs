using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// What a <see cref="TempoFamilyPrior"/> does to the out-of-fold clips of a cross-validation: each clip's fused scores
/// with and without the prior, the prior of each fold fitted on the other folds' clips only (their tempos and
/// families), and the low-confidence threshold recalibrated on the result.
/// </summary>
public sealed record TempoPriorCheck(
    EvaluationMetrics Without,
    EvaluationMetrics With,
    double Threshold,
    double FlaggedShare,
    double FamilyAccuracyUnflagged)
{
    /// <summary>One out-of-fold clip: its fold, its scores before fusion, and its tempo (0 when none was read).</summary>
    public sealed record Clip(int Fold, ClipScores Scores, double TempoBpm);

    public static TempoPriorCheck Run(IReadOnlyList<Clip> clips, LabelMap labels, double fusionWeight, double weight, double bandwidthOctaves)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(labels);
        var fused = clips.Select(c => DescriptorHead.Fuse(c.Scores.Network,
            c.Scores.Head.Select(p => Math.Log(Math.Max(1e-300, p))).ToArray(), fusionWeight)).ToList();
        var priors = clips.Select(c => c.Fold).Distinct().ToDictionary(fold => fold, fold => TempoFamilyPrior.Fit(
            clips.Where(c => c.Fold != fold).Select(c => (labels.Families[labels.FamilyOfGenre[c.Scores.TrueGenre]], c.TempoBpm)),
            weight, bandwidthOctaves));
        var without = clips.Select((c, i) => ClipPrediction.Of(c.Scores.TrueGenre, fused[i], labels)).ToList();
        var with = clips.Select((c, i) => ClipPrediction.Of(c.Scores.TrueGenre,
            priors[c.Fold].Apply(fused[i], labels.FamilyOfGenre, labels.Families, c.TempoBpm), labels)).ToList();
        var threshold = LowConfidenceCalibration.Threshold(with);
        var (flagged, unflagged) = LowConfidenceCalibration.Effect(with, threshold, clips.Select(c => c.Scores.Unfamiliar).ToList());
        return new TempoPriorCheck(
            EvaluationMetrics.Compute(without, labels.GenreCount, labels.FamilyCount),
            EvaluationMetrics.Compute(with, labels.GenreCount, labels.FamilyCount),
            threshold, flagged, unflagged);
    }
}

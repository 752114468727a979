using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Baseline;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Reporting;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Trains on all folds but one and measures on the held-out fold: the network (both
/// aggregations, the better one chosen), the low-confidence threshold and the logistic
/// regression baseline, all on the same clips.
/// </summary>
public static class FoldTraining
{
    public static (TrainingRun Run, ValidationReport Report, SplitDescription Split) Run(
        PreparedDataset data, TrainingOptions options, int folds, int validationFold, string modelVersion, Action<string> log)
    {
        var (train, validation, _) = data.Split(folds, validationFold, options.Seed);
        var split = new SplitDescription("stratified k-fold by clip", folds, validationFold, options.Seed, train.Count, validation.Count);
        log($"fold {validationFold}/{folds}: {train.Count} training clips, {validation.Count} validation clips");

        var trainer = new GenreTrainer(options, data.Labels, Analysis.Model.WindowParameters.Default, log);
        var run = trainer.Train(train, validation, modelVersion);

        var windows = ClipScorer.WindowProbabilities(run.Session, validation.Select(c => c.Features).ToList());
        var genres = validation.Select(c => c.Genre).ToList();
        var byAggregation = new Dictionary<string, EvaluationMetrics>();
        var predictions = new Dictionary<string, List<ClipPrediction>>();
        foreach (var aggregation in Enum.GetValues<ScoreAggregation>())
        {
            predictions[aggregation.ToString()] = ClipScorer.Aggregate(windows, genres, data.Labels, aggregation);
            byAggregation[aggregation.ToString()] = EvaluationMetrics.Compute(predictions[aggregation.ToString()], data.Labels.GenreCount, data.Labels.FamilyCount);
        }
        var chosen = byAggregation.MaxBy(kv => kv.Value.Score).Key;
        var threshold = LowConfidenceCalibration.Threshold(predictions[chosen]);
        var (flagged, unflagged) = LowConfidenceCalibration.Effect(predictions[chosen], threshold);
        var baseline = LogisticRegressionBaseline.FitAndEvaluate(train, validation, data.Labels, options.Seed);
        log($"model ({chosen}): {byAggregation[chosen].Brief()}");
        log($"baseline:        {baseline.Brief()}");
        log($"low confidence below {threshold:F3}: flags {flagged:P0}, family accuracy on the rest {unflagged:F3}");
        var report = new ValidationReport(byAggregation[chosen], chosen, byAggregation, baseline, threshold, flagged, unflagged);
        return (run, report, split);
    }
}

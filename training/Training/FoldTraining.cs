using GenreOrleans.Training.Data;
using GenreOrleans.Training.Reporting;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Trains the network on all folds but one, then measures the whole model (network, descriptor
/// head, aggregation, low-confidence threshold) and the baseline on the held-out fold
/// (<see cref="FoldEvaluation"/>).
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
        var report = FoldEvaluation.Evaluate(data.Labels, run.Session, train, validation, options, log);
        return (run, report, split);
    }
}

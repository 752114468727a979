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
        var members = new List<TrainingRun>();
        for (var member = 0; member < options.Networks; member++)
        {
            if (options.Networks > 1)
                log($"network {member + 1} of {options.Networks}");
            members.Add(trainer.Train(train, validation, modelVersion, member));
        }
        var run = members.Count == 1 ? members[0] : Ensemble(members, modelVersion);
        var report = FoldEvaluation.Evaluate(data.Labels, run.Session, train, validation, options, log, run.FirstNetwork);
        return (run, report, split);
    }

    /// <summary>
    /// One session over all members' networks. The members were trained on the same clips, so
    /// their scalers are identical; the first member's session stays usable for the paired comparison.
    /// </summary>
    private static TrainingRun Ensemble(IReadOnlyList<TrainingRun> members, string modelVersion)
    {
        var first = members[0].Session;
        var session = new Analysis.Model.InferenceSession(
            members.Select(m => m.Session.Network).ToList(), first.Labels, first.Window, first.MelScaler, first.SummaryScaler, modelVersion, TorchSharp.torch.CPU);
        return new TrainingRun(session, members[0].History, members[0].BestEpoch, TimeSpan.FromTicks(members.Sum(m => m.Elapsed.Ticks)))
        {
            BestEpochs = members.Select(m => m.BestEpoch).ToList(),
            FirstNetwork = first,
        };
    }
}

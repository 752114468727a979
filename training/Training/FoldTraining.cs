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

        var window = Analysis.Model.WindowParameters.Default with { FramesPerWindow = options.WindowFrames, WindowHop = options.WindowFrames / 2 };
        var trainers = Enumerable.Range(0, options.MemberCount)
            .Select(member => new GenreTrainer(options.ForMember(member), data.Labels, window, log, data.Links.Pairs)).ToList();
        var members = new List<TrainingRun>();
        for (var member = 0; member < trainers.Count; member++)
        {
            if (trainers.Count > 1)
                log($"network {member + 1} of {trainers.Count}" + (member == options.Networks ? $" (partner: {options.Partner})" : ""));
            members.Add(trainers[member].Train(train, validation, modelVersion, member));
        }
        var run = members.Count == 1 ? members[0] : Ensemble(members, modelVersion);
        var report = FoldEvaluation.Evaluate(data.Labels, data.Links, run.Session, train, validation, options, log, run.FirstNetwork);
        if (!options.RefitAllClips)
            return (run, report, split);
        return RefitOnAllClips(data, options, trainers, members, run, report, split, validation, modelVersion, log);
    }

    /// <summary>
    /// Trains every network again on all clips, replaying its validated run's learning rates up to
    /// that run's best epoch, and refits the descriptor head and the unfamiliar-sound measure on all
    /// clips. The aggregation, low-confidence threshold and every figure stay the validated run's:
    /// the refit has no held-out clip left to measure or choose anything on.
    /// </summary>
    private static (TrainingRun Run, ValidationReport Report, SplitDescription Split) RefitOnAllClips(
        PreparedDataset data, TrainingOptions options, IReadOnlyList<GenreTrainer> trainers, IReadOnlyList<TrainingRun> members,
        TrainingRun validated, ValidationReport report, SplitDescription split, IReadOnlyList<TrainingClip> validation, string modelVersion,
        Action<string> log)
    {
        var clips = data.Clips;
        log($"refit on all {clips.Count} clips: {string.Join(", ", members.Select(m => m.BestEpoch))} epoch(s) with the validated run's learning rates");
        var refits = members.Select((member, k) => trainers[k].Refit(
            clips, member.History.Take(member.BestEpoch).Select(e => e.LearningRate).ToList(), modelVersion, k)).ToList();
        var session = refits.Count == 1 ? refits[0].Session : Ensemble(refits, modelVersion).Session;
        var (head, novelty, tempoPrior) = FoldEvaluation.FitDescriptorModels(data.Labels, data.Links, clips, options);
        validated.Session.Dispose(); // an ensemble's first-network session shares its network, disposed here
        var run = validated with
        {
            Session = session,
            FirstNetwork = null,
            Refit = new AllClipsRefit(clips.Count, refits.Select(r => r.BestEpoch).ToList(), refits[0].History.LastOrDefault()?.Loss ?? 0,
                TimeSpan.FromTicks(refits.Sum(r => r.Elapsed.Ticks))),
        };
        var inSample = FoldEvaluation.InSample(data.Labels, session, head, novelty, tempoPrior, report.Aggregation, validation);
        log($"refit model on the validated run's validation clips (in-sample, a reproduction check only): {inSample.Metrics.Brief()}");
        return (run, report with { DescriptorHead = head, Novelty = novelty, TempoFamilyPrior = tempoPrior, RefitInSample = inSample }, split with { RefitOnAllClips = true });
    }

    /// <summary>
    /// One session over all members' networks. The members were trained on the same clips, so
    /// their scalers are identical; the first member's session stays usable for the paired comparison.
    /// </summary>
    private static TrainingRun Ensemble(IReadOnlyList<TrainingRun> members, string modelVersion)
    {
        var first = members[0].Session;
        var session = new Analysis.Model.InferenceSession(
            members.Select(m => m.Session.Network).ToList(), first.Labels, first.Window, first.MelScaler, first.SummaryScaler, modelVersion, first.Device);
        return new TrainingRun(session, members[0].History, members[0].BestEpoch, TimeSpan.FromTicks(members.Sum(m => m.Elapsed.Ticks)))
        {
            BestEpochs = members.Select(m => m.BestEpoch).ToList(),
            FirstNetwork = first,
        };
    }
}

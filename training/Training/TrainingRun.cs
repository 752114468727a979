using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Training;

/// <summary>
/// The result of training: the best-on-validation model as a ready session, the epoch history and
/// the time taken. For an ensemble, <see cref="History"/> is the first network's and
/// <see cref="BestEpochs"/> lists every network's best epoch.
/// </summary>
public sealed record TrainingRun(InferenceSession Session, IReadOnlyList<EpochRecord> History, int BestEpoch, TimeSpan Elapsed)
{
    public IReadOnlyList<int> BestEpochs { get; init; } = [BestEpoch];

    /// <summary>For an ensemble, the first network alone (it shares that network with <see cref="Session"/>), so the ensemble's gain is measured on the same runs.</summary>
    public InferenceSession? FirstNetwork { get; init; }

    /// <summary>Set when <see cref="Session"/> holds networks refit on all clips; History and BestEpoch stay the validated run's.</summary>
    public AllClipsRefit? Refit { get; init; }
}

using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Training;

/// <summary>The result of training: the best-on-validation model as a ready session, the epoch history and the time taken.</summary>
public sealed record TrainingRun(InferenceSession Session, IReadOnlyList<EpochRecord> History, int BestEpoch, TimeSpan Elapsed);

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Runs the genre model on windows. In-process for the CLI and training; the InferenceGrain
/// (which batches windows from many tracks) in the silo.
/// </summary>
public interface IWindowScorer
{
    Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default);
}

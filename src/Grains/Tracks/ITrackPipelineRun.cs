using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// One track going through the pipeline. The stages are called in order, each once; the run
/// keeps what a stage produced (decoded audio, features, window scores) for the next one.
/// Decode, Extract and BuildResult are CPU-bound and synchronous: the grain runs them on the
/// thread pool.
/// </summary>
public interface ITrackPipelineRun
{
    AudioFacts Decode(Stream audio, CancellationToken cancellationToken);

    void Extract(CancellationToken cancellationToken);

    Task ScoreAsync(IWindowScorer scorer, CancellationToken cancellationToken);

    TrackResult BuildResult();
}

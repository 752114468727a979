namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// The analysis pipeline as the TrackGrain drives it: one run per analysis attempt, one call per
/// stage, so that the grain can record each stage as it starts. The product implementation runs
/// <c>GenreOrleans.Analysis.Pipeline.TrackAnalyzer</c>.
/// </summary>
public interface ITrackPipeline
{
    ITrackPipelineRun Begin();
}

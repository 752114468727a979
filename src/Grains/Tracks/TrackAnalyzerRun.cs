using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Grains.Tracks;

/// <summary>One track through <see cref="TrackAnalyzer"/>, keeping each stage's output for the next.</summary>
public sealed class TrackAnalyzerRun(TrackAnalyzer analyzer) : ITrackPipelineRun
{
    private DecodedTrack? _track;
    private TrackFeatures? _features;
    private WindowScores? _scores;

    public AudioFacts Decode(Stream audio, CancellationToken cancellationToken)
    {
        _track = analyzer.Decode(audio, cancellationToken);
        return _track.Facts;
    }

    public void Extract(CancellationToken cancellationToken) =>
        _features = analyzer.Extract(Stage(_track, nameof(Decode)), cancellationToken);

    public async Task ScoreAsync(IWindowScorer scorer, CancellationToken cancellationToken) =>
        _scores = await analyzer.ScoreAsync(Stage(_features, nameof(Extract)), scorer, cancellationToken);

    public TrackResult BuildResult() =>
        analyzer.BuildResult(Stage(_track, nameof(Decode)), Stage(_features, nameof(Extract)), Stage(_scores, nameof(ScoreAsync)));

    private static T Stage<T>(T? output, string stage) where T : class =>
        output ?? throw new InvalidOperationException($"{stage} has not run yet.");
}

using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// One track through <see cref="TrackAnalyzer"/>, keeping each stage's output for the next.
/// The tempo/key pass is not needed by the model, so, as in <c>genre analyze</c>, it starts with
/// the Extracting stage and runs beside the log-mel and the scoring; Classifying ends when both are done.
/// </summary>
public sealed class TrackAnalyzerRun(TrackAnalyzer analyzer) : ITrackPipelineRun
{
    private DecodedTrack? _track;
    private TrackFeatures? _features;
    private Task<TempoKeyReading>? _tempoKey;
    private WindowScores? _scores;

    public AudioFacts Decode(Stream audio, CancellationToken cancellationToken)
    {
        _track = analyzer.Decode(audio, cancellationToken);
        return _track.Facts;
    }

    public void Extract(CancellationToken cancellationToken)
    {
        var track = Stage(_track, nameof(Decode));
        _tempoKey = analyzer.StartTempoKey(track, cancellationToken);
        _features = analyzer.ExtractWindows(track, cancellationToken);
    }

    public async Task ScoreAsync(IWindowScorer scorer, CancellationToken cancellationToken)
    {
        var features = Stage(_features, nameof(Extract));
        _scores = await analyzer.ScoreAsync(features, scorer, cancellationToken);
        if (_tempoKey is not null)
            _features = TrackAnalyzer.WithTempoKey(features, await _tempoKey);
    }

    public TrackResult BuildResult() =>
        analyzer.BuildResult(Stage(_track, nameof(Decode)), Stage(_features, nameof(Extract)), Stage(_scores, nameof(ScoreAsync)));

    private static T Stage<T>(T? output, string stage) where T : class =>
        output ?? throw new InvalidOperationException($"{stage} has not run yet.");
}

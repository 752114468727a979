using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Grains.Inference;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// The product pipeline: <see cref="TrackAnalyzer"/> for the model the InferenceGrain serves
/// (<c>Inference:ModelDirectory</c>, else the shipped model). Built on the first track rather
/// than at startup, so that a missing model fails that track with the reason instead of the silo.
/// Composed as the CLI composes it (tempo and key from <see cref="ITempoKeyReader"/>).
/// </summary>
public sealed class TrackAnalyzerPipeline : ITrackPipeline
{
    private readonly Lazy<TrackAnalyzer> _analyzer;

    public TrackAnalyzerPipeline(IOptions<InferenceOptions> options, ITempoKeyReader tempoKey)
    {
        _analyzer = new Lazy<TrackAnalyzer>(() =>
        {
            var directory = string.IsNullOrWhiteSpace(options.Value.ModelDirectory) ? ModelLocator.FindDefault() : options.Value.ModelDirectory;
            return new TrackAnalyzer(ModelManifest.Read(directory), tempoKey);
        });
    }

    public ITrackPipelineRun Begin() => new TrackAnalyzerRun(_analyzer.Value);
}

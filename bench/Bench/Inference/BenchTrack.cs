using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Bench.Inference;

/// <summary>A real track decoded and cut into windows once, so that the batches a benchmark times look like production input.</summary>
internal static class BenchTrack
{
    public static (DecodedTrack Track, TrackFeatures Features) Load(TrackAnalyzer analyzer, string mp3)
    {
        DecodedTrack track;
        using (var stream = File.OpenRead(mp3))
            track = analyzer.Decode(stream, CancellationToken.None);
        return (track, analyzer.Extract(track, CancellationToken.None));
    }
}

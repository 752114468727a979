using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Analysis.Tests.Model;

/// <summary>An untrained, randomly initialised model directory with three genres in two families, for pipeline tests.</summary>
internal static class TinyModel
{
    public static readonly GenreLabel[] Genres =
    {
        new("acidhouse", "Acid House", "House"),
        new("deephouse", "Deep House", "House"),
        new("drumnbass", "Drum n Bass", "Jungle"),
    };

    public static string Create(string directory, double lowConfidenceThreshold = 0.0, string aggregation = "MeanProbability")
    {
        Directory.CreateDirectory(directory);
        TorchSharp.torch.manual_seed(7);
        var window = WindowParameters.Default;
        var labels = LabelMap.FromRows(Genres);
        var summaryLength = 2 * window.MelBands;
        var options = new NetworkOptions(window.MelBands, window.FramesPerWindow, summaryLength, labels.GenreCount);
        using (var network = new GenreNetwork(options))
            network.save(Path.Combine(directory, "weights.dat"));
        new ModelManifest
        {
            Name = "tiny",
            Version = "0.0.1",
            CreatedUtc = DateTimeOffset.UnixEpoch,
            WeightsFile = "weights.dat",
            Genres = labels.Genres,
            Families = labels.Families,
            Window = window,
            Network = options,
            MelScaler = new ScalerValues(Enumerable.Repeat(-40f, window.MelBands).ToArray(), Enumerable.Repeat(15f, window.MelBands).ToArray()),
            SummaryVersion = TrackSummary.Version,
            SummaryNames = TrackSummary.Names(window.MelBands),
            SummaryScaler = new ScalerValues(new float[summaryLength], Enumerable.Repeat(10f, summaryLength).ToArray()),
            Aggregation = aggregation,
            LowConfidenceThreshold = lowConfidenceThreshold,
            TrainingManifestSha256 = "none",
        }.Write(directory);
        return directory;
    }

    public static string TempDirectory() =>
        Path.Combine(Path.GetTempPath(), "genre-tests-" + Guid.NewGuid().ToString("N"));
}

using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Analysis.Tests.Model;

/// <summary>An untrained, randomly initialised model directory with three genres in two families (one network, or an ensemble of several, optionally of another shape), for pipeline tests.</summary>
internal static class TinyModel
{
    public static readonly GenreLabel[] Genres =
    {
        new("acidhouse", "Acid House", "House"),
        new("deephouse", "Deep House", "House"),
        new("drumnbass", "Drum n Bass", "Jungle"),
    };

    public static string Create(string directory, double lowConfidenceThreshold = 0.0, string aggregation = "MeanProbability",
        DescriptorHead? descriptorHead = null, DescriptorNovelty? descriptorNovelty = null, int networks = 1,
        Func<NetworkOptions, NetworkOptions>? ensembleShape = null)
    {
        Directory.CreateDirectory(directory);
        TorchSharp.torch.manual_seed(7);
        var window = WindowParameters.Default;
        var labels = LabelMap.FromRows(Genres);
        var summaryLength = 2 * window.MelBands;
        var options = new NetworkOptions(window.MelBands, window.FramesPerWindow, summaryLength, labels.GenreCount);
        var weightsFiles = Enumerable.Range(0, networks).Select(i => i == 0 ? "weights.dat" : $"weights-{i + 1}.dat").ToList();
        var shapes = weightsFiles.Select((_, i) => i == 0 || ensembleShape is null ? options : ensembleShape(options)).ToList();
        for (var i = 0; i < networks; i++)
        {
            using var network = new GenreNetwork(shapes[i]);
            network.save(Path.Combine(directory, weightsFiles[i]));
        }
        new ModelManifest
        {
            Name = "tiny",
            Version = "0.0.1",
            CreatedUtc = DateTimeOffset.UnixEpoch,
            WeightsFile = "weights.dat",
            EnsembleWeightsFiles = networks > 1 ? weightsFiles.Skip(1).ToList() : null,
            EnsembleNetworks = networks > 1 && ensembleShape is not null ? shapes.Skip(1).ToList() : null,
            Genres = labels.Genres,
            Families = labels.Families,
            Window = window,
            Network = options,
            MelScaler = new ScalerValues(Enumerable.Repeat(-40f, window.MelBands).ToArray(), Enumerable.Repeat(15f, window.MelBands).ToArray()),
            SummaryVersion = TrackSummary.Version,
            SummaryNames = TrackSummary.Names(window.MelBands),
            SummaryScaler = new ScalerValues(new float[summaryLength], Enumerable.Repeat(10f, summaryLength).ToArray()),
            DescriptorHead = descriptorHead,
            DescriptorNovelty = descriptorNovelty,
            Aggregation = aggregation,
            LowConfidenceThreshold = lowConfidenceThreshold,
            TrainingManifestSha256 = "none",
        }.Write(directory);
        return directory;
    }

    /// <summary>A descriptor head that ignores the descriptors and strongly favours one genre (by its bias alone).</summary>
    public static DescriptorHead HeadFavouring(int genre, double fusionWeight = 1.0)
    {
        var length = DescriptorVector.Length;
        var bias = new float[Genres.Length];
        bias[genre] = 10f;
        return new DescriptorHead(DescriptorVector.Version, new ScalerValues(new float[length], Enumerable.Repeat(1f, length).ToArray()),
            new float[Genres.Length * length], bias, fusionWeight);
    }

    /// <summary>A novelty measure over the first <paramref name="length"/> descriptors: Euclidean distance (unit scaler, identity precision).</summary>
    public static DescriptorNovelty EuclideanNovelty(int length, double threshold) =>
        new(DescriptorVector.Version, Enumerable.Range(0, length).ToArray(), new ScalerValues(new float[length], Enumerable.Repeat(1f, length).ToArray()),
            Enumerable.Range(0, length * length).Select(i => i / length == i % length ? 1f : 0f).ToArray(), threshold);
}

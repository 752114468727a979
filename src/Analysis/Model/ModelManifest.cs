using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// model.json: everything besides the weights that inference needs to reproduce training's
/// inputs and read its outputs (label map, scalers, feature and window parameters), plus where
/// the model came from (manifest digest, split) and how well it did (metrics).
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "model.json";

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public required string WeightsFile { get; init; }

    /// <summary>
    /// Further networks of the same inputs and labels, trained from other seeds: the model is then an
    /// ensemble whose window probabilities are the networks' mean. Null for one network.
    /// </summary>
    public IReadOnlyList<string>? EnsembleWeightsFiles { get; init; }

    /// <summary>
    /// The shape of each of <see cref="EnsembleWeightsFiles"/>' networks, in the same order, where they
    /// differ from <see cref="Network"/> (<c>training --partner</c>); null when every network has the first one's shape.
    /// </summary>
    public IReadOnlyList<NetworkOptions>? EnsembleNetworks { get; init; }

    /// <summary>The weights of every network of the model, the first one first.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AllWeightsFiles => [WeightsFile, .. EnsembleWeightsFiles ?? []];

    /// <summary>The shape of every network of the model, in the order of <see cref="AllWeightsFiles"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<NetworkOptions> AllNetworks =>
        [Network, .. (EnsembleWeightsFiles ?? []).Select((_, i) => EnsembleNetworks?[i] ?? Network)];

    public required IReadOnlyList<GenreLabel> Genres { get; init; }

    public required IReadOnlyList<string> Families { get; init; }

    public required WindowParameters Window { get; init; }

    public required NetworkOptions Network { get; init; }

    /// <summary>Per mel band mean and deviation of the training windows (dB).</summary>
    public required ScalerValues MelScaler { get; init; }

    /// <summary>Version of the summary vector (<see cref="Pipeline.TrackSummary.Version"/>) the model was trained on.</summary>
    public required string SummaryVersion { get; init; }

    public required IReadOnlyList<string> SummaryNames { get; init; }

    public required ScalerValues SummaryScaler { get; init; }

    /// <summary>
    /// The track-level descriptor head fused with the windows' distribution (see <see cref="Model.DescriptorHead"/>);
    /// null for models without one, whose result is the windows' distribution alone.
    /// </summary>
    public DescriptorHead? DescriptorHead { get; init; }

    /// <summary>
    /// Flags tracks that sound unlike every training clip (see <see cref="Model.DescriptorNovelty"/>);
    /// null for models without one, which flag on the top family probability alone.
    /// </summary>
    public DescriptorNovelty? DescriptorNovelty { get; init; }

    /// <summary>
    /// Re-weighs the fused genres by how likely the track's tempo is in each family (see <see cref="Model.TempoFamilyPrior"/>);
    /// null for models without one.
    /// </summary>
    public TempoFamilyPrior? TempoFamilyPrior { get; init; }

    /// <summary>How window probabilities become a track distribution, chosen on validation.</summary>
    public required string Aggregation { get; init; }

    /// <summary>A track whose top family probability is below this is flagged low-confidence (calibrated on validation).</summary>
    public required double LowConfidenceThreshold { get; init; }

    /// <summary>
    /// Where <see cref="LowConfidenceThreshold"/> came from when it was recalibrated after training on
    /// the out-of-fold clips of a cross-validation (<c>training calibrate</c>); null when it is the
    /// validated run's own.
    /// </summary>
    public JsonElement? LowConfidenceCalibration { get; init; }

    public required string TrainingManifestSha256 { get; init; }

    public JsonElement? Split { get; init; }

    public JsonElement? Metrics { get; init; }

    public JsonElement? Training { get; init; }

    /// <summary>"name@version": the model version that window scores carry (<see cref="Pipeline.WindowScores.ModelVersion"/>).</summary>
    [JsonIgnore]
    public string Identity => $"{Name}@{Version}";

    public LabelMap CreateLabelMap() => new(Genres, Families);

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new CompactFloatArrayConverter(), new JsonStringEnumConverter() },
    };

    public static ModelManifest Read(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty");
    }

    public void Write(string modelDirectory)
    {
        Directory.CreateDirectory(modelDirectory);
        File.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, JsonOptions));
    }
}

/// <summary>Serialised form of a <see cref="FeatureScaler"/>.</summary>
public sealed record ScalerValues(float[] Mean, float[] Deviation)
{
    public FeatureScaler ToScaler() => new(Mean, Deviation);

    public static ScalerValues From(FeatureScaler scaler) => new(scaler.Mean, scaler.Deviation);
}

using GenreOrleans.Analysis.Results;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// What the Extracting stage produced: the log-mel, the track summary, the model windows (with
/// the frame each starts at, for the timeline) and the model-independent readings (tempo, key).
/// </summary>
public sealed record TrackFeatures(
    FeatureMatrix Mel,
    float[] Summary,
    WindowBatch Windows,
    IReadOnlyList<int> WindowStarts,
    TempoEstimate Tempo,
    KeyEstimate Key)
{
    /// <summary>The versioned descriptive feature summary (FeatureSummary names), when measured.</summary>
    public IReadOnlyDictionary<string, double>? Descriptors { get; init; }

    /// <summary>The <see cref="Pipeline.DescriptorVector"/> for the model's descriptor head, when measured.</summary>
    public float[]? DescriptorVector { get; init; }
}

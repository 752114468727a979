using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Where tempo, key and the descriptive feature summary enter the pipeline (implemented by
/// <see cref="TempoKeyReader"/> on the DSP library). <see cref="RefineTempo"/> is called once the
/// genre is known, to settle the tempo's octave with the genre's usual range.
/// </summary>
public interface ITempoKeyReader
{
    TempoKeyReading Read(ReadOnlySpan<float> samples, int sampleRate);

    TempoEstimate RefineTempo(TempoEstimate tempo, GenreLabel genre);
}

/// <summary>
/// Tempo, key and the versioned feature summary of one track, and the <see cref="Pipeline.DescriptorVector"/>
/// the model's descriptor head reads (null when not measured).
/// </summary>
public sealed record TempoKeyReading(TempoEstimate Tempo, KeyEstimate Key, IReadOnlyDictionary<string, double> FeatureSummary)
{
    public float[]? DescriptorVector { get; init; }
}

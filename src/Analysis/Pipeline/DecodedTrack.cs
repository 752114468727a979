using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>A decoded upload: its facts and its samples, mono at the model's sample rate (22,050 Hz).</summary>
public sealed record DecodedTrack(AudioFacts Facts, float[] Samples)
{
    public int SampleRate { get; init; } = 22050;
}

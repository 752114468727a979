using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Training.Data;

/// <summary>
/// A clip's log-mel (bands x frames, dB), its raw (unstandardised) track summary, and its raw
/// <see cref="Analysis.Pipeline.DescriptorVector"/> for the descriptor head.
/// </summary>
public sealed record ClipFeatures(FeatureMatrix Mel, float[] Summary, float[] Descriptors);

using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Training.Data;

/// <summary>A clip's log-mel (bands x frames, dB) and its raw (unstandardised) track summary.</summary>
public sealed record ClipFeatures(FeatureMatrix Mel, float[] Summary);

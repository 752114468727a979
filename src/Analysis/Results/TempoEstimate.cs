namespace GenreOrleans.Analysis.Results;

/// <summary>The product's tempo (not librosa's parity tempo): BPM, 0–1 confidence and the other octave reading.</summary>
public sealed record TempoEstimate(double Bpm, double Confidence, double? Alternative);

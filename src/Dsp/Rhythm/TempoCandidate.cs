namespace GenreOrleans.Dsp.Rhythm;

/// <summary>One tempo hypothesis and its score relative to the best one (the best scores 1).</summary>
public sealed record TempoCandidate(double Bpm, double Score);

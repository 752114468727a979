namespace GenreOrleans.Analysis.Pipeline;

/// <summary>A usual tempo range in beats per minute, both ends included.</summary>
public sealed record TempoRange(double MinBpm, double MaxBpm)
{
    public bool Contains(double bpm) => bpm >= MinBpm && bpm <= MaxBpm;
}

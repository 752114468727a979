namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// The DJ tempo of a track: <paramref name="Bpm"/> (0 when no pulse was found), a 0–1
/// <paramref name="Confidence"/>, and the most likely other reading (usually the other octave).
/// </summary>
public sealed record TempoReading(double Bpm, double Confidence, double? Alternative)
{
    /// <summary>Every hypothesis that was weighed, best first; lets a caller re-decide with more knowledge.</summary>
    public IReadOnlyList<TempoCandidate> Candidates { get; init; } = [];

    /// <summary>The beat levels the level model chose among, with their evidence (empty when it did not run).</summary>
    public IReadOnlyList<MetricalLevel> Levels { get; init; } = [];

    /// <summary>The reading for silence, noise or inputs too short to hold two beats.</summary>
    public static TempoReading None { get; } = new(0, 0, null);
}

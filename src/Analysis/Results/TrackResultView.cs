namespace GenreOrleans.Analysis.Results;

/// <summary>
/// A result as the outside world reads it: the "result" object of <c>GET /api/tracks/{id}</c> and of
/// <c>genre analyze --json</c>, one shape for both. Genres and families are sorted, most likely
/// first; <see cref="TempoBpm"/> repeats <c>Tempo.Bpm</c> for clients that only want the number.
/// </summary>
public sealed record TrackResultView(
    IReadOnlyList<GenreProbability> Genres,
    IReadOnlyList<FamilyProbability> Families,
    double TempoBpm,
    TempoEstimate Tempo,
    KeyEstimate Key,
    bool LowConfidence,
    IReadOnlyList<TimelineSegment> Timeline,
    double? DurationSeconds,
    string ModelVersion,
    IReadOnlyDictionary<string, double> FeatureSummary,
    bool UnfamiliarSound)
{
    public static TrackResultView From(TrackResult result, double? durationSeconds) => new(
        result.Genres.OrderByDescending(g => g.Probability).ToList(),
        result.Families.OrderByDescending(f => f.Probability).ToList(),
        result.Tempo.Bpm,
        result.Tempo,
        result.Key,
        result.LowConfidence,
        result.Timeline,
        durationSeconds,
        result.ModelVersion,
        result.FeatureSummary,
        result.UnfamiliarSound);
}

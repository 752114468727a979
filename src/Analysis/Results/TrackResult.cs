namespace GenreOrleans.Analysis.Results;

/// <summary>
/// The analysis of one track: every model genre (sorted, most likely first), the families,
/// the per-window timeline, tempo, key and the summary features the model saw.
/// <paramref name="UnfamiliarSound"/>: the track sounds unlike every training clip (it may not be
/// electronic music at all); such a result is also <paramref name="LowConfidence"/>.
/// </summary>
public sealed record TrackResult(
    IReadOnlyList<GenreProbability> Genres,
    IReadOnlyList<FamilyProbability> Families,
    IReadOnlyList<TimelineSegment> Timeline,
    TempoEstimate Tempo,
    KeyEstimate Key,
    bool LowConfidence,
    IReadOnlyDictionary<string, double> FeatureSummary,
    string ModelVersion,
    bool UnfamiliarSound = false);

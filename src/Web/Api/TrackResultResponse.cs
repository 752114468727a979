using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Web.Api;

/// <summary>A completed analysis: every model genre (most likely first), the families, tempo, key, timeline.</summary>
public sealed record TrackResultResponse(
    IReadOnlyList<GenreProbability> Genres,
    IReadOnlyList<FamilyProbability> Families,
    double TempoBpm,
    TempoEstimate Tempo,
    KeyEstimate Key,
    bool LowConfidence,
    IReadOnlyList<TimelineSegment> Timeline,
    double? DurationSeconds,
    string ModelVersion,
    IReadOnlyDictionary<string, double> FeatureSummary);

namespace GenreOrleans.Analysis.Results;

/// <summary>One stretch of the track with its most likely genre, for the genre-over-time strip.</summary>
public sealed record TimelineSegment(
    double StartSeconds,
    double EndSeconds,
    string Slug,
    string Title,
    string Family,
    double Probability);

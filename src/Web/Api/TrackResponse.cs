using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Web.Api;

/// <summary>GET /api/tracks/{id}: a track's status, progress, file facts and, once completed, its result.</summary>
public sealed record TrackResponse(
    Guid Id,
    string Status,
    int Progress,
    string? Error,
    TrackFileResponse File,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TrackResultView? Result,
    TrackLinks Links);

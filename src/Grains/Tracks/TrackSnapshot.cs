using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Grains.Tracks;

/// <summary>What a TrackGrain tells about its upload: status, progress, file facts and result.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] TrackStatus Status,
    [property: Id(2)] int Progress,
    [property: Id(3)] string? Error,
    [property: Id(4)] string FileName,
    [property: Id(5)] long SizeBytes,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] AudioFacts? Facts,
    [property: Id(9)] TrackResult? Result);

namespace GenreOrleans.Grains.Tracks;

/// <summary>An upload already stored on disk, handed to its TrackGrain to analyse.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackUpload(
    [property: Id(0)] string StoredPath,
    [property: Id(1)] string FileName,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string? OwnerId);

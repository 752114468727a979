namespace GenreOrleans.Grains.Persistence;

/// <summary>
/// One row per upload: the TrackGrain's persisted state in plain columns, so that history pages
/// and the restart scan can query it. Facts and result are JSON documents: they are read whole,
/// never queried inside.
/// </summary>
public sealed class TrackRecord
{
    public Guid Id { get; set; }

    public string? OwnerId { get; set; }

    public required string FileName { get; set; }

    public required string StoredPath { get; set; }

    public long SizeBytes { get; set; }

    public required string Status { get; set; }

    public int Progress { get; set; }

    public string? Error { get; set; }

    /// <summary>How many times analysis has been started; bounds resuming after crashes.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public string? FactsJson { get; set; }

    public string? ResultJson { get; set; }

    /// <summary>Optimistic concurrency token; it is the grain state's ETag.</summary>
    public int Version { get; set; }
}

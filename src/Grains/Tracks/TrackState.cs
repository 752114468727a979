using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Grains.Tracks;

/// <summary>What the TrackGrain persists about its upload (one row of the Tracks table).</summary>
[GenerateSerializer]
public sealed class TrackState
{
    [Id(0)] public TrackStatus Status { get; set; }
    [Id(1)] public int Progress { get; set; }
    [Id(2)] public string? Error { get; set; }
    [Id(3)] public string FileName { get; set; } = "";
    [Id(4)] public string StoredPath { get; set; } = "";
    [Id(5)] public long SizeBytes { get; set; }
    [Id(6)] public string? OwnerId { get; set; }
    [Id(7)] public int Attempts { get; set; }
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(10)] public DateTimeOffset? StartedAt { get; set; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(12)] public AudioFacts? Facts { get; set; }
    [Id(13)] public TrackResult? Result { get; set; }

    public bool IsFinished => Status is TrackStatus.Completed or TrackStatus.Failed;
}

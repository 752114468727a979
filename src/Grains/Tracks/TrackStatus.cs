namespace GenreOrleans.Grains.Tracks;

/// <summary>Life cycle of one upload: Uploaded → Decoding → Extracting → Classifying → Completed | Failed.</summary>
public enum TrackStatus
{
    Uploaded,
    Decoding,
    Extracting,
    Classifying,
    Completed,
    Failed,
}

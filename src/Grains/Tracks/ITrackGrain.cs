namespace GenreOrleans.Grains.Tracks;

/// <summary>One upload's analysis (key: the track id). Its state survives restarts.</summary>
public interface ITrackGrain : IGrainWithGuidKey
{
    /// <summary>Starts analysing the stored upload; calling it again for the same track changes nothing.</summary>
    Task<TrackSnapshot> StartAsync(TrackUpload upload);

    /// <summary>The current status, progress and, once completed, the result.</summary>
    Task<TrackSnapshot> GetAsync();
}

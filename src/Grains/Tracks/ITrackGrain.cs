namespace GenreOrleans.Grains.Tracks;

/// <summary>One upload's analysis (key: the track id). Its state survives restarts.</summary>
public interface ITrackGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Records the stored upload and starts analysing it in the background; answers at once.
    /// Calling it again for the same track changes nothing (it returns the current snapshot).
    /// </summary>
    Task<TrackSnapshot> StartAsync(TrackUpload upload);

    /// <summary>The current status, progress and, once completed, the result; null when no upload was started under this id.</summary>
    Task<TrackSnapshot?> GetAsync();
}

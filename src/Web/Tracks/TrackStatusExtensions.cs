using GenreOrleans.Grains.Tracks;

namespace GenreOrleans.Web.Tracks;

public static class TrackStatusExtensions
{
    /// <summary>Completed or Failed: nothing will change any more.</summary>
    public static bool IsFinished(this TrackStatus status) => status is TrackStatus.Completed or TrackStatus.Failed;
}

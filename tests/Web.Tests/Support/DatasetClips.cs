using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Web.Tests.Support;

/// <summary>Real clips from ../shared (never copied into the repository).</summary>
public static class DatasetClips
{
    /// <summary>A fixed clip, so that runs are comparable: the first acid house clip.</summary>
    public static string RequireClip()
    {
        var folder = Path.Combine(TestPaths.RequireDataset(), "clips", "acidhouse");
        var clip = Directory.GetFiles(folder, "*.mp3").Order(StringComparer.Ordinal).FirstOrDefault();
        Skip.If(clip is null, $"no MP3 clip in {folder}");
        return clip!;
    }
}

namespace GenreOrleans.Grains.Tracks;

/// <summary>The <c>Tracks</c> configuration section.</summary>
public sealed class TrackGrainOptions
{
    public const string SectionName = "Tracks";

    /// <summary>
    /// How many times an analysis may be started (the first run plus resumes after restarts)
    /// before the track is marked Failed, so that a file that crashes the silo cannot loop forever.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Tracks decoded and extracted at once on one silo; the others wait as Uploaded.</summary>
    public int MaxConcurrentAnalyses { get; set; } = Environment.ProcessorCount;
}

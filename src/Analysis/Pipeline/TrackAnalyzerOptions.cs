using GenreOrleans.Dsp.Decoding;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>Settings of <see cref="TrackAnalyzer"/>.</summary>
public sealed class TrackAnalyzerOptions
{
    /// <summary>Longest track decoded (longer input is refused with a clear error).</summary>
    public TimeSpan MaxDuration { get; set; } = AudioLoader.DefaultMaxDuration;

    /// <summary>Genres listed in the result: every model genre by default (the API promises all of them).</summary>
    public int? TopGenres { get; set; }
}

using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Grains.Tracks;

namespace GenreOrleans.Web.Tests.Doubles;

/// <summary>
/// Test double for the analysis pipeline, so that what the site does with a track (accept it,
/// follow it, render its result or its failure) is tested without the model. Its result is a
/// fixed script, deliberately listed out of order so that the site's sorting is tested too.
/// </summary>
public sealed class ScriptedTrackPipeline : ITrackPipeline
{
    public const double DurationSeconds = 95;

    /// <summary>Reported as the result's low-confidence flag.</summary>
    public bool LowConfidence { get; init; }

    /// <summary>Reported as the result's unfamiliar-sound flag.</summary>
    public bool UnfamiliarSound { get; init; }

    /// <summary>When set, decoding fails with this message.</summary>
    public string? DecodingFailure { get; init; }

    /// <summary>Decoding waits for this (when set), so that a test can watch a track in progress.</summary>
    public TaskCompletionSource? DecodingGate { get; init; }

    public static IReadOnlyList<GenreProbability> Genres { get; } =
    [
        new("goatrance", "Goa Trance", "Trance", 0.12),
        new("acidhouse", "Acid House", "House", 0.46),
        new("detroittechno", "Detroit Techno", "Techno", 0.08),
        new("deephouse", "Deep House", "House", 0.22),
        new("breakbeat", "Breakbeat", "Breakbeat", 0.06),
        new("ambient", "Ambient", "Downtempo", 0.04),
        new("gabber", "Gabber", "Hardcore", 0.02),
    ];

    public ITrackPipelineRun Begin() => new Run(this);

    private sealed class Run(ScriptedTrackPipeline script) : ITrackPipelineRun
    {
        public AudioFacts Decode(Stream audio, CancellationToken cancellationToken)
        {
            script.DecodingGate?.Task.Wait(cancellationToken);
            if (script.DecodingFailure is { } failure)
                throw new InvalidDataException(failure);
            audio.CopyTo(Stream.Null);
            return new AudioFacts("mp3", DurationSeconds, 44100, 2, 128, "Scripted <b>Title</b>", "Scripted Artist", null);
        }

        public void Extract(CancellationToken cancellationToken)
        {
        }

        public Task ScoreAsync(IWindowScorer scorer, CancellationToken cancellationToken) => Task.CompletedTask;

        public TrackResult BuildResult() => new(
            Genres,
            [
                new FamilyProbability("Trance", 0.12), new FamilyProbability("House", 0.68), new FamilyProbability("Techno", 0.08),
                new FamilyProbability("Breakbeat", 0.06), new FamilyProbability("Downtempo", 0.04), new FamilyProbability("Hardcore", 0.02),
            ],
            [
                new TimelineSegment(0, 30, "acidhouse", "Acid House", "House", 0.5),
                new TimelineSegment(30, 60, "acidhouse", "Acid House", "House", 0.7),
                new TimelineSegment(60, DurationSeconds, "goatrance", "Goa Trance", "Trance", 0.4),
            ],
            new TempoEstimate(127.9, 0.83, 64),
            new KeyEstimate("F# minor", "11A", 0.61),
            script.LowConfidence,
            new Dictionary<string, double> { ["tempo"] = 127.9 },
            "scripted-test-double",
            script.UnfamiliarSound);
    }
}

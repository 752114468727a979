using System.Collections.Concurrent;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Grains.Tracks;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>
/// Test double for the analysis pipeline: reads the whole upload, makes one window per kilobyte,
/// scores them through the grain's scorer and builds a result holding the model version it got.
/// Per upload file name, a test can hold decoding at a gate or make it throw.
/// </summary>
internal sealed class ScriptedTrackPipeline : ITrackPipeline
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new();
    private readonly ConcurrentDictionary<string, Exception> _failures = new();
    private readonly ConcurrentDictionary<string, int> _decodes = new();

    /// <summary>Decoding of the file named <paramref name="fileName"/> waits until the returned source completes (or the run is cancelled).</summary>
    public TaskCompletionSource Hold(string fileName) => _gates.GetOrAdd(fileName, _ => new Gate()).Release;

    /// <summary>Completes when decoding of <paramref name="fileName"/> is waiting at its gate.</summary>
    public Task Reached(string fileName) => _gates.GetOrAdd(fileName, _ => new Gate()).Reached.Task;

    public void FailDecoding(string fileName, Exception failure) => _failures[fileName] = failure;

    /// <summary>How many times decoding of <paramref name="fileName"/> started.</summary>
    public int Decodes(string fileName) => _decodes.GetValueOrDefault(fileName);

    public ITrackPipelineRun Begin() => new Run(this);

    private sealed class Gate
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Run(ScriptedTrackPipeline pipeline) : ITrackPipelineRun
    {
        private long _bytes;
        private WindowBatch? _windows;
        private WindowScores? _scores;

        public AudioFacts Decode(Stream audio, CancellationToken cancellationToken)
        {
            var name = Path.GetFileName((audio as FileStream)?.Name ?? "");
            pipeline._decodes.AddOrUpdate(name, 1, (_, count) => count + 1);
            if (pipeline._gates.TryGetValue(name, out var gate))
            {
                gate.Reached.TrySetResult();
                gate.Release.Task.Wait(cancellationToken);
            }
            if (pipeline._failures.TryGetValue(name, out var failure))
                throw failure;
            audio.CopyTo(Stream.Null);
            _bytes = audio.Length;
            return new AudioFacts("wav", _bytes / 44100.0, 22050, 1, null, "Scripted title", "Scripted artist", null);
        }

        public void Extract(CancellationToken cancellationToken) =>
            _windows = FakeWindowScorer.NumberedBatch((int)Math.Max(1, _bytes / 1024), firstValue: 1);

        public async Task ScoreAsync(IWindowScorer scorer, CancellationToken cancellationToken) =>
            _scores = await scorer.ScoreAsync(_windows!, cancellationToken);

        public TrackResult BuildResult() => new(
            [new GenreProbability("acidhouse", "Acid House", "House", 0.75), new GenreProbability("goatrance", "Goa Trance", "Trance", 0.25)],
            [new FamilyProbability("House", 0.75), new FamilyProbability("Trance", 0.25)],
            [new TimelineSegment(0, 3, "acidhouse", "Acid House", "House", 0.75)],
            new TempoEstimate(128, 0.9, 64),
            new KeyEstimate("F# minor", "11A", 0.6),
            false,
            new Dictionary<string, double> { ["windows"] = _scores!.WindowCount },
            _scores.ModelVersion);
    }
}

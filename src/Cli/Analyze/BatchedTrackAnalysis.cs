using System.Threading.Channels;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// Analyses many files with both kinds of parallelism the machine offers: decoding and feature
/// extraction run on every core, while one consumer gathers the windows of whichever tracks are
/// ready into batches of about <see cref="WindowsPerBatch"/> and scores them in one forward pass.
/// </summary>
internal sealed class BatchedTrackAnalysis
{
    private readonly TrackAnalyzer _analyzer;
    private readonly IWindowScorer _session;

    public BatchedTrackAnalysis(TrackAnalyzer analyzer, IWindowScorer session)
    {
        _analyzer = analyzer;
        _session = session;
    }

    public int WindowsPerBatch { get; init; } = 64;

    public int ExtractionThreads { get; init; } = Environment.ProcessorCount;

    public async Task RunAsync(IReadOnlyList<string> files, Func<AnalyzedFile, Task> onResult, CancellationToken ct)
    {
        if (files.Count == 1)
        {
            // One file: nothing to batch across, so overlap its own tempo/key pass with the model instead.
            await onResult(await AnalyzeOneAsync(files[0], ct));
            return;
        }
        var ready = Channel.CreateBounded<(string File, DecodedTrack? Track, TrackFeatures? Features, string? Error)>(
            new BoundedChannelOptions(ExtractionThreads * 2) { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = ExtractionThreads, CancellationToken = ct },
                    async (file, token) =>
                    {
                        try
                        {
                            await using var stream = File.OpenRead(file);
                            var track = _analyzer.Decode(stream, token);
                            var features = _analyzer.Extract(track, token);
                            await ready.Writer.WriteAsync((file, track, features, null), token);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            await ready.Writer.WriteAsync((file, null, null, e.Message), token);
                        }
                    });
            }
            finally
            {
                ready.Writer.Complete();
            }
        }, ct);

        var pending = new List<(string File, DecodedTrack Track, TrackFeatures Features)>();
        var pendingWindows = 0;
        async Task Flush()
        {
            if (pending.Count == 0)
                return;
            var scores = await _session.ScoreAsync(WindowBatch.Concat(pending.Select(p => p.Features.Windows).ToList()), ct);
            var offset = 0;
            foreach (var (file, track, features) in pending)
            {
                var count = features.Windows.WindowCount;
                var own = new WindowScores(
                    scores.Genres.AsSpan(offset * scores.GenreCount, count * scores.GenreCount).ToArray(),
                    scores.Families.AsSpan(offset * scores.FamilyCount, count * scores.FamilyCount).ToArray(),
                    count, scores.GenreCount, scores.FamilyCount, scores.ModelVersion);
                offset += count;
                await onResult(new AnalyzedFile(file, _analyzer.BuildResult(track, features, own), track.Facts.DurationSeconds, null));
            }
            pending.Clear();
            pendingWindows = 0;
        }

        await foreach (var item in ready.Reader.ReadAllAsync(ct))
        {
            if (item.Error is not null)
            {
                await onResult(new AnalyzedFile(item.File, null, null, item.Error));
                continue;
            }
            pending.Add((item.File, item.Track!, item.Features!));
            pendingWindows += item.Features!.Windows.WindowCount;
            // Score when the batch is full, or when nothing else is waiting (no point holding results back).
            if (pendingWindows >= WindowsPerBatch || ready.Reader.Count == 0)
                await Flush();
        }
        await Flush();
        await producer;
    }

    private async Task<AnalyzedFile> AnalyzeOneAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            var track = _analyzer.Decode(stream, ct);
            var result = await _analyzer.AnalyzeDecodedAsync(track, _session, null, ct);
            return new AnalyzedFile(file, result, track.Facts.DurationSeconds, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AnalyzedFile(file, null, null, e.Message);
        }
    }
}

using System.Threading.Channels;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Decoding;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// Analyses many files with both kinds of parallelism the machine offers: decoding and feature
/// extraction run on every core, while one consumer gathers the windows of whichever tracks are
/// ready into batches of about <see cref="WindowsPerBatch"/> and scores them in one forward pass.
/// </summary>
internal sealed class BatchedTrackAnalysis
{
    private readonly Task<TrackAnalyzer> _analyzer;
    private readonly LoadingModel _model;

    /// <param name="analyzer">The pipeline, once model.json is read (a single file starts decoding before).</param>
    /// <param name="model">The model, told to load once the first track is decoded (see <see cref="LoadingModel"/>).</param>
    public BatchedTrackAnalysis(Task<TrackAnalyzer> analyzer, LoadingModel model)
    {
        _analyzer = analyzer;
        _model = model;
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
        var analyzer = await _analyzer;
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
                            var track = analyzer.Decode(stream, token);
                            _model.StartLoading();
                            var features = analyzer.Extract(track, token);
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
            var scores = await _model.ScoreAsync(WindowBatch.Concat(pending.Select(p => p.Features.Windows).ToList()), ct);
            var offset = 0;
            foreach (var (file, track, features) in pending)
            {
                var count = features.Windows.WindowCount;
                var own = new WindowScores(
                    scores.Genres.AsSpan(offset * scores.GenreCount, count * scores.GenreCount).ToArray(),
                    scores.Families.AsSpan(offset * scores.FamilyCount, count * scores.FamilyCount).ToArray(),
                    count, scores.GenreCount, scores.FamilyCount, scores.ModelVersion);
                offset += count;
                await onResult(new AnalyzedFile(file, analyzer.BuildResult(track, features, own), track.Facts.DurationSeconds, null));
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
            // Decoding needs only the analysis rate, so it need not wait for model.json.
            var track = TrackAnalyzer.Decode(stream, WindowParameters.Default.SampleRate, AudioLoader.DefaultMaxDuration, ct);
            _model.StartLoading();
            var analyzer = await _analyzer;
            if (track.SampleRate != analyzer.Window.SampleRate)
            {
                stream.Position = 0;
                track = analyzer.Decode(stream, ct);
            }
            var result = await analyzer.AnalyzeDecodedAsync(track, _model, null, ct);
            return new AnalyzedFile(file, result, track.Facts.DurationSeconds, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AnalyzedFile(file, null, null, e.Message);
        }
    }
}

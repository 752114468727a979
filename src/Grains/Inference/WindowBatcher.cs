using System.Diagnostics;
using System.Threading.Channels;
using GenreOrleans.Analysis.Pipeline;
using Microsoft.Extensions.Logging;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// Gathers windows from concurrent requests into forward passes of at most
/// <see cref="InferenceOptions.MaxBatchWindows"/> windows: a pass runs when it is full or when its
/// oldest window has waited <see cref="InferenceOptions.MaxWaitMilliseconds"/>. Requests larger
/// than a batch are split across passes and reassembled. One consumer loop on the thread pool
/// runs the passes one after another, so the model is never entered concurrently.
/// </summary>
public sealed class WindowBatcher : IAsyncDisposable
{
    private readonly Channel<ScoreRequest> _incoming =
        Channel.CreateUnbounded<ScoreRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Segment> _backlog = []; // touched by the consumer loop only
    private readonly Lock _swapLock = new();
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private readonly InferenceMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private ScoringModel _current;
    private int _backlogWindows;
    private long _batchesRun;
    private long _windowsScored;

    public WindowBatcher(ScoringModel model, InferenceOptions options, InferenceMetrics metrics, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchWindows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxWaitMilliseconds);
        _current = model;
        _maxBatch = options.MaxBatchWindows;
        _maxWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
        _metrics = metrics;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public string ModelVersion
    {
        get { lock (_swapLock) return _current.Version; }
    }

    public string ModelDevice
    {
        get { lock (_swapLock) return _current.Device; }
    }

    public long BatchesRun => Interlocked.Read(ref _batchesRun);

    public long WindowsScored => Interlocked.Read(ref _windowsScored);

    public Task<WindowScores> ScoreAsync(WindowBatch batch)
    {
        Validate(batch);
        ScoringModel model;
        lock (_swapLock)
        {
            model = _current;
            model.Acquire();
        }

        var request = new ScoreRequest(batch, model, Stopwatch.GetTimestamp());
        if (!_incoming.Writer.TryWrite(request))
        {
            model.Release();
            throw new ObjectDisposedException(nameof(WindowBatcher));
        }
        return request.Completion.Task;
    }

    /// <summary>
    /// Makes <paramref name="next"/> the model for requests arriving from now on. Requests already
    /// queued finish on the model they arrived under; it is disposed after the last of them.
    /// </summary>
    public void Swap(ScoringModel next)
    {
        ScoringModel previous;
        lock (_swapLock)
        {
            previous = _current;
            _current = next;
        }
        previous.Release();
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _loop;
        lock (_swapLock)
            _current.Release();
    }

    private async Task RunAsync()
    {
        var reader = _incoming.Reader;
        while (_backlog.Count > 0 || await reader.WaitToReadAsync())
        {
            Drain(reader);
            await WaitForFullBatchAsync(reader);
            await RunOneBatchAsync();
        }
    }

    private void Drain(ChannelReader<ScoreRequest> reader)
    {
        while (reader.TryRead(out var request))
        {
            _backlog.Add(new Segment(request, 0, request.Batch.WindowCount));
            _backlogWindows += request.Batch.WindowCount;
        }
    }

    private async Task WaitForFullBatchAsync(ChannelReader<ScoreRequest> reader)
    {
        var oldest = _backlog[0].Request.Arrived;
        while (_backlogWindows < _maxBatch)
        {
            var remaining = _maxWait - Stopwatch.GetElapsedTime(oldest);
            if (remaining <= TimeSpan.Zero)
                return;
            using var timeout = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                    return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Drain(reader);
        }
    }

    private async Task RunOneBatchAsync()
    {
        var taken = TakeBatch();
        var windowCount = taken.Sum(segment => segment.Count);
        var model = taken[0].Request.Model;
        try
        {
            var input = Combine(taken, windowCount);
            var started = Stopwatch.GetTimestamp();
            var scores = await model.Scorer.ScoreAsync(input);
            if (scores.WindowCount != windowCount)
                throw new InvalidOperationException($"The model returned {scores.WindowCount} scores for {windowCount} windows.");

            _metrics.ForwardDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _metrics.BatchSize.Record(windowCount);
            _metrics.WindowsScored.Add(windowCount);
            Interlocked.Increment(ref _batchesRun);
            Interlocked.Add(ref _windowsScored, windowCount);
            Distribute(taken, scores);
        }
        catch (Exception exception)
        {
            _metrics.FailedBatches.Add(1);
            _logger.LogError(exception, "Forward pass of {Windows} windows on model {Version} failed", windowCount, model.Version);
            foreach (var request in taken.Select(segment => segment.Request).Distinct())
                Fail(request, exception);
        }
    }

    /// <summary>Takes up to a batch of windows from the front of the backlog, of one model and one window shape.</summary>
    private List<Segment> TakeBatch()
    {
        var first = _backlog[0].Request;
        var taken = new List<Segment>();
        var total = 0;
        for (var i = 0; i < _backlog.Count && total < _maxBatch;)
        {
            var segment = _backlog[i];
            if (segment.Request.Model != first.Model || !SameShape(segment.Request.Batch, first.Batch))
            {
                i++;
                continue;
            }

            var count = Math.Min(segment.Count, _maxBatch - total);
            taken.Add(segment with { Count = count });
            total += count;
            if (count == segment.Count)
            {
                _backlog.RemoveAt(i);
            }
            else
            {
                _backlog[i] = segment with { Offset = segment.Offset + count, Count = segment.Count - count };
                i++;
            }
        }
        _backlogWindows -= total;
        return taken;
    }

    private static WindowBatch Combine(List<Segment> taken, int windowCount)
    {
        var shape = taken[0].Request.Batch;
        if (taken.Count == 1 && taken[0].Count == shape.WindowCount)
            return shape; // one whole request: no copy

        var melPerWindow = shape.MelBands * shape.FramesPerWindow;
        var mel = new float[windowCount * melPerWindow];
        var summary = new float[windowCount * shape.SummaryLength];
        var window = 0;
        foreach (var segment in taken)
        {
            var source = segment.Request.Batch;
            Array.Copy(source.Mel, segment.Offset * melPerWindow, mel, window * melPerWindow, segment.Count * melPerWindow);
            Array.Copy(source.Summary, segment.Offset * shape.SummaryLength, summary, window * shape.SummaryLength,
                segment.Count * shape.SummaryLength);
            window += segment.Count;
        }
        return new WindowBatch(mel, summary, windowCount, shape.MelBands, shape.FramesPerWindow, shape.SummaryLength);
    }

    private void Distribute(List<Segment> taken, WindowScores scores)
    {
        var window = 0;
        foreach (var segment in taken)
        {
            var request = segment.Request;
            request.Genres ??= new float[request.Batch.WindowCount * scores.GenreCount];
            request.Families ??= new float[request.Batch.WindowCount * scores.FamilyCount];
            Array.Copy(scores.Genres, window * scores.GenreCount, request.Genres, segment.Offset * scores.GenreCount,
                segment.Count * scores.GenreCount);
            Array.Copy(scores.Families, window * scores.FamilyCount, request.Families, segment.Offset * scores.FamilyCount,
                segment.Count * scores.FamilyCount);
            window += segment.Count;
            request.Scored += segment.Count;
            if (request.Scored == request.Batch.WindowCount)
            {
                _metrics.RequestLatency.Record(Stopwatch.GetElapsedTime(request.Arrived).TotalMilliseconds);
                // Release before completing, so a caller that sees its scores also sees a retired model disposed.
                request.Model.Release();
                request.Completion.TrySetResult(new WindowScores(request.Genres, request.Families, request.Batch.WindowCount,
                    scores.GenreCount, scores.FamilyCount, scores.ModelVersion));
            }
        }
    }

    private void Fail(ScoreRequest request, Exception exception)
    {
        _backlogWindows -= _backlog.Where(segment => segment.Request == request).Sum(segment => segment.Count);
        _backlog.RemoveAll(segment => segment.Request == request);
        if (request.Completion.Task.IsCompleted)
            return;
        request.Model.Release();
        request.Completion.TrySetException(exception);
    }

    private static bool SameShape(WindowBatch a, WindowBatch b) =>
        a.MelBands == b.MelBands && a.FramesPerWindow == b.FramesPerWindow && a.SummaryLength == b.SummaryLength;

    private static void Validate(WindowBatch batch)
    {
        if (batch.WindowCount < 1)
            throw new ArgumentException("A batch needs at least one window.", nameof(batch));
        if (batch.Mel.Length != batch.WindowCount * batch.MelBands * batch.FramesPerWindow)
            throw new ArgumentException($"Mel holds {batch.Mel.Length} values, not {batch.WindowCount} x {batch.MelBands} x {batch.FramesPerWindow}.", nameof(batch));
        if (batch.Summary.Length != batch.WindowCount * batch.SummaryLength)
            throw new ArgumentException($"Summary holds {batch.Summary.Length} values, not {batch.WindowCount} x {batch.SummaryLength}.", nameof(batch));
    }

    private sealed class ScoreRequest(WindowBatch batch, ScoringModel model, long arrived)
    {
        public WindowBatch Batch { get; } = batch;
        public ScoringModel Model { get; } = model;
        public long Arrived { get; } = arrived;
        public TaskCompletionSource<WindowScores> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public float[]? Genres { get; set; }
        public float[]? Families { get; set; }
        public int Scored { get; set; }
    }

    private readonly record struct Segment(ScoreRequest Request, int Offset, int Count);
}

using System.Diagnostics.Metrics;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenreOrleans.Grains.Tests.Inference;

public sealed class WindowBatcherTests
{
    private static readonly InferenceMetrics Metrics =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private static WindowBatcher Batcher(FakeWindowScorer scorer, int maxBatch = 32, int maxWaitMs = 10, IDisposable? resources = null) =>
        new(new ScoringModel(scorer, "v1", resources), new InferenceOptions { MaxBatchWindows = maxBatch, MaxWaitMilliseconds = maxWaitMs },
            Metrics, NullLogger.Instance);

    /// <summary>Holds the first forward pass until released, so that later requests queue up behind it.</summary>
    private static TaskCompletionSource HoldFirstPass(FakeWindowScorer scorer)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 1;
        scorer.BeforePass = _ => Interlocked.Exchange(ref first, 0) == 1 ? release.Task : Task.CompletedTask;
        return release;
    }

    [Fact]
    public async Task Requests_queued_together_share_one_forward_pass()
    {
        var scorer = new FakeWindowScorer();
        var release = HoldFirstPass(scorer);
        await using var batcher = Batcher(scorer);
        var blocker = batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(1));
        while (scorer.PassSizes.Count == 0)
            await Task.Delay(1);

        var queued = Enumerable.Range(0, 5).Select(i => batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(3, firstValue: 100 * i))).ToList();
        release.SetResult();
        var results = await Task.WhenAll(queued);
        await blocker;

        Assert.Equal([1, 15], scorer.PassSizes);
        for (var i = 0; i < results.Length; i++)
            Assert.Equal([100f * i, 100f * i + 1, 100f * i + 2], FirstGenreScores(results[i]));
    }

    [Fact]
    public async Task A_request_larger_than_a_batch_is_split_and_reassembled_in_order()
    {
        var scorer = new FakeWindowScorer();
        await using var batcher = Batcher(scorer, maxBatch: 4);

        var scores = await batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(10));

        Assert.Equal([4, 4, 2], scorer.PassSizes);
        Assert.Equal(10, scores.WindowCount);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), FirstGenreScores(scores));
    }

    [Fact]
    public async Task A_lone_small_request_runs_without_waiting_for_a_full_batch()
    {
        var scorer = new FakeWindowScorer();
        await using var batcher = Batcher(scorer, maxBatch: 32, maxWaitMs: 1);

        var scores = await batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(2));

        Assert.Equal([2], scorer.PassSizes);
        Assert.Equal(2, scores.WindowCount);
    }

    [Fact]
    public async Task A_hot_swap_lets_queued_requests_finish_on_the_old_model_then_disposes_it()
    {
        var oldScorer = new FakeWindowScorer("old");
        var release = HoldFirstPass(oldScorer);
        var oldResources = new DisposalProbe();
        await using var batcher = Batcher(oldScorer, resources: oldResources);
        var inFlight = batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(2));
        var queued = batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(2));

        batcher.Swap(new ScoringModel(new FakeWindowScorer("new"), "new"));
        var afterSwap = batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(2));
        Assert.False(oldResources.Disposed);
        release.SetResult();

        Assert.Equal("old", (await inFlight).ModelVersion);
        Assert.Equal("old", (await queued).ModelVersion);
        Assert.Equal("new", (await afterSwap).ModelVersion);
        Assert.True(oldResources.Disposed);
        Assert.Equal("new", batcher.ModelVersion);
    }

    [Fact]
    public async Task A_failing_forward_pass_fails_only_the_requests_in_it()
    {
        var scorer = new FakeWindowScorer();
        var passes = 0;
        scorer.BeforePass = _ => Interlocked.Increment(ref passes) == 1
            ? Task.FromException(new InvalidOperationException("out of memory"))
            : Task.CompletedTask;
        await using var batcher = Batcher(scorer, maxWaitMs: 0);

        var failing = batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(1));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        var later = await batcher.ScoreAsync(FakeWindowScorer.NumberedBatch(1));

        Assert.Equal("out of memory", failure.Message);
        Assert.Equal(1, later.WindowCount);
    }

    [Fact]
    public async Task A_batch_whose_arrays_do_not_match_its_shape_is_refused()
    {
        await using var batcher = Batcher(new FakeWindowScorer());
        var broken = FakeWindowScorer.NumberedBatch(2) with { WindowCount = 3 };

        await Assert.ThrowsAsync<ArgumentException>(() => batcher.ScoreAsync(broken));
    }

    private static float[] FirstGenreScores(Analysis.Pipeline.WindowScores scores) =>
        Enumerable.Range(0, scores.WindowCount).Select(w => scores.Genres[w * scores.GenreCount]).ToArray();

    private sealed class DisposalProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}

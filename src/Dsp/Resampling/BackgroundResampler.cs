using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using GenreOrleans.Dsp.Decoding;

namespace GenreOrleans.Dsp.Resampling;

/// <summary>
/// Runs a <see cref="StreamingResampler"/> on a thread of its own, a few blocks behind whoever
/// fills them. Loading a 44.1 kHz track is about half decoding and half resampling, so the two
/// side by side take about half the wall time on a machine with a spare core; the output is
/// sample-identical to resampling inline, since the resampler still sees the blocks in order.
/// </summary>
/// <remarks>
/// Blocks circulate between a free list and a bounded queue, so memory stays at a few blocks
/// however long the track is. A failure on either side stops the other: the producer's
/// <see cref="Rent"/> and <see cref="Submit"/> rethrow the worker's exception, and disposing
/// without <see cref="Complete"/> abandons the work.
/// </remarks>
internal sealed class BackgroundResampler : IDisposable
{
    private const int BlocksInFlight = 4;

    private readonly BlockingCollection<(float[] Block, int Count)> _pending = new(BlocksInFlight);
    private readonly BlockingCollection<float[]> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<float[]> _worker;

    public BackgroundResampler(StreamingResampler resampler, int blockLength)
    {
        for (var i = 0; i <= BlocksInFlight; i++)
            _free.Add(new float[blockLength]);
        _worker = Task.Factory.StartNew(() => Run(resampler), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>An empty block to fill; waits while the worker is behind.</summary>
    public float[] Rent() => WorkerFailureOr(() => _free.Take(_stop.Token));

    /// <summary>Hands over the first <paramref name="count"/> samples of a rented block.</summary>
    public void Submit(float[] block, int count) => WorkerFailureOr(() =>
    {
        _pending.Add((block, count), _stop.Token);
        return true;
    });

    /// <summary>Waits for the last block and returns the whole resampled signal.</summary>
    public float[] Complete()
    {
        _pending.CompleteAdding();
        return _worker.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException)
        {
            // Abandoned or failed: the producer has its own exception to report.
        }
        _stop.Dispose();
        _pending.Dispose();
        _free.Dispose();
    }

    private float[] Run(StreamingResampler resampler)
    {
        try
        {
            var output = new FloatChunks();
            foreach (var (block, count) in _pending.GetConsumingEnumerable(_stop.Token))
            {
                output.Add(resampler.Write(block.AsSpan(0, count)));
                _free.Add(block);
            }
            output.Add(resampler.Complete());
            return output.ToArray();
        }
        catch
        {
            _stop.Cancel();
            throw;
        }
    }

    private T WorkerFailureOr<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // While the producer is still using this object only a failing worker cancels: wait
            // for it to finish failing and surface why, rather than the cancellation it caused.
            try
            {
                _worker.Wait();
            }
            catch (AggregateException failure) when (failure.InnerException is { } cause and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Capture(cause).Throw();
            }
            throw;
        }
    }
}

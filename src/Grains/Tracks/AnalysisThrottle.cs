using Microsoft.Extensions.Options;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// Bounds how many tracks per silo decode and extract features at once (<see
/// cref="TrackGrainOptions.MaxConcurrentAnalyses"/>). Those stages are CPU- and memory-heavy; more of
/// them than cores only slows all of them down, for instance when a restart resumes many tracks.
/// Classification is not bounded here: tracks must reach the InferenceGrain together to share batches.
/// </summary>
public sealed class AnalysisThrottle(IOptions<TrackGrainOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentAnalyses));

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}

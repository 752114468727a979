using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// A loaded model shared by the requests that were queued while it was current. Each request
/// holds a lease; a model replaced by a hot swap is disposed only when its last lease ends, so a
/// swap never fails or mixes models within a request.
/// </summary>
/// <param name="device">Where it runs (torch's device type, e.g. CUDA), for the status and the logs.</param>
public sealed class ScoringModel(IWindowScorer scorer, string version, IDisposable? resources = null, string device = "CPU")
{
    private int _leases = 1; // the batcher's own reference while the model is current
    private int _disposed;

    public IWindowScorer Scorer { get; } = scorer;

    public string Version { get; } = version;

    public string Device { get; } = device;

    public void Acquire() => Interlocked.Increment(ref _leases);

    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && Interlocked.Exchange(ref _disposed, 1) == 0)
            resources?.Dispose();
    }
}

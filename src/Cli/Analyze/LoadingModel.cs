using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// The model, loaded beside the work instead of before it. model.json (about 0.2 s in a fresh
/// process) is read from the start, while the first track decodes. Torch and the weights (about
/// 0.4 s) load once <see cref="StartLoading"/> is called, which <see cref="BatchedTrackAnalysis"/>
/// does when the first track is decoded: loading libtorch holds the dynamic loader's lock for
/// its whole initialisation, which stalled the decoder's thread (measured: a 5-minute MP3
/// decoded in 0.55 s alone, 0.75–0.95 s beside the load), whereas after decoding the load runs
/// beside the log-mel and tempo/key passes, which do not stall. Scoring waits for the load.
/// </summary>
internal sealed class LoadingModel : IWindowScorer, IDisposable
{
    private readonly Lazy<Task<InferenceSession>> _session;

    public LoadingModel(string modelDirectory, int torchThreads)
    {
        Manifest = Task.Run(() => ModelManifest.Read(modelDirectory));
        _session = new Lazy<Task<InferenceSession>>(() => Task.Run(async () =>
        {
            var manifest = await Manifest.ConfigureAwait(false);
            TorchSharp.torch.set_num_threads(torchThreads);
            return InferenceSession.Load(modelDirectory, manifest);
        }));
    }

    /// <summary>model.json (label map, window parameters, descriptor head): what the pipeline is built from.</summary>
    public Task<ModelManifest> Manifest { get; }

    /// <summary>Starts loading torch and the weights in the background; later calls do nothing.</summary>
    public void StartLoading() => _ = _session.Value;

    public async Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default)
    {
        var session = await _session.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await session.ScoreAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // A load that never started or failed has nothing to free; a failure already reached ScoreAsync's callers.
        if (_session.IsValueCreated && _session.Value.IsCompletedSuccessfully)
            _session.Value.Result.Dispose();
    }
}

using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// The model, loading in the background: starting torch and reading the weights takes about
/// 0.4 s, which a single track can spend decoding instead, since windows only reach the model
/// after decoding and the log-mel pass. Scoring waits for the load to finish.
/// </summary>
internal sealed class LoadingModel : IWindowScorer, IDisposable
{
    private readonly Task<InferenceSession> _session;

    public LoadingModel(string modelDirectory, int torchThreads)
    {
        Manifest = ModelManifest.Read(modelDirectory);
        _session = Task.Run(() =>
        {
            TorchSharp.torch.set_num_threads(torchThreads);
            return InferenceSession.Load(modelDirectory, Manifest);
        });
    }

    /// <summary>model.json, read up front (cheap) so the pipeline can be set up before the weights load.</summary>
    public ModelManifest Manifest { get; }

    public async Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default)
    {
        var session = await _session.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await session.ScoreAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // A load that failed has nothing to free; its exception already reached ScoreAsync's callers.
        if (_session.IsCompletedSuccessfully)
            _session.Result.Dispose();
    }
}

using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Inference;

/// <summary>The pipeline's <see cref="IWindowScorer"/> inside the cluster: hands windows to the InferenceGrain.</summary>
public sealed class InferenceGrainScorer(IGrainFactory grainFactory) : IWindowScorer
{
    public Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default) =>
        grainFactory.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).ScoreAsync(batch).WaitAsync(cancellationToken);
}

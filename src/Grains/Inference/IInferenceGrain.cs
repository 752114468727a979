using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// The genre model, served to every track being analysed: windows from concurrent calls are
/// batched into shared forward passes. One activation (key <see cref="SingletonKey"/>), placed on
/// a gpu=true silo when there is one.
/// </summary>
public interface IInferenceGrain : IGrainWithIntegerKey
{
    public const long SingletonKey = 0;

    Task<WindowScores> ScoreAsync(WindowBatch batch);

    Task<InferenceStatus> GetStatusAsync();

    /// <summary>Loads the model in <paramref name="modelDirectory"/> and serves new requests with it; requests already queued finish on the old one.</summary>
    Task<InferenceStatus> SwapModelAsync(string modelDirectory);
}

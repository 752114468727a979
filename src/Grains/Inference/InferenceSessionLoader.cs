using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// Loads a TorchSharp <see cref="InferenceSession"/> (CUDA when torch sees a GPU) as the
/// InferenceGrain's model, warmed up by one forward pass before it serves (or is swapped in).
/// </summary>
public sealed class InferenceSessionLoader : IScoringModelLoader
{
    public ScoringModel Load(string? modelDirectory)
    {
        var directory = string.IsNullOrWhiteSpace(modelDirectory) ? ModelLocator.FindDefault() : modelDirectory;
        var session = InferenceSession.Load(directory);
        session.WarmUp();
        return new ScoringModel(session, session.ModelVersion, session, session.DeviceName);
    }
}

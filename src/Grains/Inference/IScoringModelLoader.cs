namespace GenreOrleans.Grains.Inference;

/// <summary>Loads a genre model into memory (CPU or GPU) for the InferenceGrain.</summary>
public interface IScoringModelLoader
{
    /// <param name="modelDirectory">A model folder (models/&lt;name&gt;); null for the shipped default.</param>
    ScoringModel Load(string? modelDirectory);
}

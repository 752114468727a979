using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Training;

/// <summary>A clip's cached features with its genre index.</summary>
public sealed record TrainingClip(ClipFeatures Features, int Genre);

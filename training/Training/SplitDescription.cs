namespace GenreOrleans.Training.Training;

/// <summary>How the shipped model's clips were split (recorded in model.json so evaluate can rebuild it).</summary>
public sealed record SplitDescription(string Method, int Folds, int ValidationFold, int Seed, int TrainClips, int ValidationClips);

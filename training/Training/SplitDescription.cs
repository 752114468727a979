namespace GenreOrleans.Training.Training;

/// <summary>
/// How the shipped model's clips were split (recorded in model.json so evaluate can rebuild it).
/// <paramref name="RefitOnAllClips"/>: the shipped weights were trained again on every clip after
/// the validated run, so the validation clips are in their training data.
/// </summary>
public sealed record SplitDescription(string Method, int Folds, int ValidationFold, int Seed, int TrainClips, int ValidationClips, bool RefitOnAllClips = false);

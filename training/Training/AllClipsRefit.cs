namespace GenreOrleans.Training.Training;

/// <summary>What the refit on all clips did (model.json and the model card): clips, epochs per network and time.</summary>
public sealed record AllClipsRefit(int Clips, IReadOnlyList<int> Epochs, double FinalLoss, TimeSpan Elapsed);

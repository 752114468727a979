namespace GenreOrleans.Training.Training;

/// <summary>What one epoch did: mean training loss, validation score and time.</summary>
public sealed record EpochRecord(int Epoch, double Loss, double ValidationScore, double ValidationTop1, double ValidationFamily, double Seconds);

namespace GenreOrleans.Training.Training;

/// <summary>What one epoch did: mean training loss, validation score (null when no clip was held out) and time.</summary>
public sealed record EpochRecord(int Epoch, double Loss, double? ValidationScore, double? ValidationTop1, double? ValidationFamily, double Seconds)
{
    /// <summary>The epoch's learning rate, so that a refit on all clips can replay the schedule (0 in histories recorded before it was kept).</summary>
    public double LearningRate { get; init; }
}

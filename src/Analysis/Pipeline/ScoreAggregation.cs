namespace GenreOrleans.Analysis.Pipeline;

/// <summary>How a track's window probabilities become one distribution; model.json names the one validation chose.</summary>
public enum ScoreAggregation
{
    /// <summary>Average of the windows' probabilities.</summary>
    MeanProbability,

    /// <summary>Softmax of the average log-probability (a geometric mean: one confident window cannot dominate).</summary>
    MeanLogProbability,
}

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>Aggregates per-window probabilities ([windows, classes] row-major) over a range of windows.</summary>
public static class ScoreAggregator
{
    public static double[] Aggregate(ReadOnlySpan<float> probabilities, int classes, ScoreAggregation aggregation)
    {
        var windows = probabilities.Length / classes;
        var result = new double[classes];
        if (windows == 0)
            return result;
        for (var w = 0; w < windows; w++)
        {
            var row = probabilities.Slice(w * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                result[c] += aggregation == ScoreAggregation.MeanProbability
                    ? row[c]
                    : Math.Log(Math.Max(row[c], 1e-12));
            }
        }
        if (aggregation == ScoreAggregation.MeanProbability)
        {
            for (var c = 0; c < classes; c++)
                result[c] /= windows;
            return result;
        }
        for (var c = 0; c < classes; c++)
            result[c] /= windows;
        NormaliseLogScores(result);
        return result;
    }

    /// <summary>
    /// Turns unnormalised log-scores into a distribution in place (a softmax; the maximum is
    /// subtracted first so that no exponential overflows).
    /// </summary>
    public static void NormaliseLogScores(Span<double> logScores)
    {
        var max = double.NegativeInfinity;
        foreach (var v in logScores)
            max = Math.Max(max, v);
        double sum = 0;
        for (var c = 0; c < logScores.Length; c++)
        {
            logScores[c] = Math.Exp(logScores[c] - max);
            sum += logScores[c];
        }
        for (var c = 0; c < logScores.Length; c++)
            logScores[c] /= sum;
    }

    /// <summary>Sums a genre distribution into its families.</summary>
    public static double[] Families(ReadOnlySpan<double> genres, IReadOnlyList<int> familyOfGenre, int familyCount)
    {
        var families = new double[familyCount];
        for (var g = 0; g < genres.Length; g++)
            families[familyOfGenre[g]] += genres[g];
        return families;
    }
}

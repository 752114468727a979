namespace GenreOrleans.Training.Evaluation;

/// <summary>Clip-level metrics of one model (or baseline) on one set of clips.</summary>
public sealed record EvaluationMetrics(
    int Clips,
    double GenreTop1,
    double GenreTop5,
    double FamilyTop1,
    double GenreMacroF1,
    double GenreEce,
    double FamilyEce,
    int[][] FamilyConfusion)
{
    /// <summary>The single number early stopping and aggregation choice maximise: the mean of the three goal metrics.</summary>
    public double Score => (GenreTop1 + GenreTop5 + FamilyTop1) / 3;

    public string Brief() =>
        $"top1 {GenreTop1:F3} top5 {GenreTop5:F3} family {FamilyTop1:F3} macroF1 {GenreMacroF1:F3} ECE {GenreEce:F3}";

    public static EvaluationMetrics Compute(IReadOnlyList<ClipPrediction> predictions, int genreCount, int familyCount)
    {
        int top1 = 0, top5 = 0, family = 0;
        var confusion = Enumerable.Range(0, familyCount).Select(_ => new int[familyCount]).ToArray();
        var truePositive = new int[genreCount];
        var predicted = new int[genreCount];
        var actual = new int[genreCount];
        foreach (var p in predictions)
        {
            var ranked = Enumerable.Range(0, p.Genres.Length).OrderByDescending(g => p.Genres[g]).Take(5).ToArray();
            if (ranked[0] == p.TrueGenre)
            {
                top1++;
                truePositive[p.TrueGenre]++;
            }
            if (ranked.Contains(p.TrueGenre))
                top5++;
            predicted[ranked[0]]++;
            actual[p.TrueGenre]++;
            var predictedFamily = ArgMax(p.Families);
            if (predictedFamily == p.TrueFamily)
                family++;
            confusion[p.TrueFamily][predictedFamily]++;
        }
        double n = Math.Max(1, predictions.Count);
        // Macro-F1 over the genres that occur as truth or prediction (scikit-learn's convention).
        var f1 = Enumerable.Range(0, genreCount)
            .Where(g => actual[g] + predicted[g] > 0)
            .Select(g => 2.0 * truePositive[g] / (actual[g] + predicted[g]))
            .DefaultIfEmpty(0)
            .Average();
        return new EvaluationMetrics(
            predictions.Count,
            top1 / n,
            top5 / n,
            family / n,
            f1,
            ExpectedCalibrationError(predictions.Select(p => (p.Genres, p.TrueGenre))),
            ExpectedCalibrationError(predictions.Select(p => (p.Families, p.TrueFamily))),
            confusion);
    }

    /// <summary>15 equal-width confidence bins; the weighted mean gap between confidence and accuracy of the top class.</summary>
    private static double ExpectedCalibrationError(IEnumerable<(double[] Distribution, int Truth)> items, int bins = 15)
    {
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new double[bins];
        var total = 0;
        foreach (var (distribution, truth) in items)
        {
            var top = ArgMax(distribution);
            var bin = Math.Min(bins - 1, (int)(distribution[top] * bins));
            count[bin]++;
            confidence[bin] += distribution[top];
            correct[bin] += top == truth ? 1 : 0;
            total++;
        }
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
                ece += Math.Abs(confidence[b] - correct[b]) / Math.Max(1, total);
        }
        return ece;
    }

    public static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }
}

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// Picks the low-confidence threshold on validation clips: the top-family probability τ that
/// best separates wrong answers from right ones, i.e. maximises (wrong − right) among the
/// clips below τ. Below τ the model is more often wrong than right, so the result is flagged;
/// a model that is never net-wrong at the bottom gets τ = 0 (nothing flagged).
/// </summary>
public static class LowConfidenceCalibration
{
    public static double Threshold(IReadOnlyList<ClipPrediction> predictions)
    {
        var ranked = predictions
            .Select(p => (Confidence: p.Families.Max(), Correct: EvaluationMetrics.ArgMax(p.Families) == p.TrueFamily))
            .OrderBy(p => p.Confidence)
            .ToList();
        var threshold = 0.0;
        int balance = 0, best = 0;
        for (var k = 1; k <= ranked.Count; k++)
        {
            balance += ranked[k - 1].Correct ? -1 : 1;
            if (balance > best)
            {
                best = balance;
                threshold = k < ranked.Count ? (ranked[k - 1].Confidence + ranked[k].Confidence) / 2 : ranked[k - 1].Confidence + 1e-9;
            }
        }
        return threshold;
    }

    /// <summary>
    /// Share of clips flagged (below the threshold, or <paramref name="unfamiliar"/> when given) and
    /// the family accuracy of the clips that are not.
    /// </summary>
    public static (double FlaggedShare, double AccuracyUnflagged) Effect(IReadOnlyList<ClipPrediction> predictions, double threshold,
        IReadOnlyList<bool>? unfamiliar = null)
    {
        var kept = predictions.Where((p, i) => p.Families.Max() >= threshold && unfamiliar?[i] != true).ToList();
        var accuracy = kept.Count == 0 ? 0 : kept.Count(p => EvaluationMetrics.ArgMax(p.Families) == p.TrueFamily) / (double)kept.Count;
        return (1 - (double)kept.Count / Math.Max(1, predictions.Count), accuracy);
    }
}

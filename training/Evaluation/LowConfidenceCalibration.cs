namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// Picks the low-confidence threshold on validation clips: the largest top-family probability
/// τ such that the clips below τ (at least three of them) get their family right at most half
/// the time. Below τ the model is closer to guessing than to knowing, so the result is flagged.
/// </summary>
public static class LowConfidenceCalibration
{
    public static double Threshold(IReadOnlyList<ClipPrediction> predictions, double maxAccuracy = 0.5, int minClips = 3)
    {
        var ranked = predictions
            .Select(p => (Confidence: p.Families.Max(), Correct: EvaluationMetrics.ArgMax(p.Families) == p.TrueFamily))
            .OrderBy(p => p.Confidence)
            .ToList();
        var threshold = 0.0;
        var correct = 0;
        for (var k = 1; k <= ranked.Count; k++)
        {
            correct += ranked[k - 1].Correct ? 1 : 0;
            if (k >= minClips && (double)correct / k <= maxAccuracy)
            {
                threshold = k < ranked.Count ? (ranked[k - 1].Confidence + ranked[k].Confidence) / 2 : ranked[k - 1].Confidence;
            }
        }
        return threshold;
    }

    /// <summary>Share of clips flagged and the family accuracy of the clips that are not.</summary>
    public static (double FlaggedShare, double AccuracyUnflagged) Effect(IReadOnlyList<ClipPrediction> predictions, double threshold)
    {
        var kept = predictions.Where(p => p.Families.Max() >= threshold).ToList();
        var accuracy = kept.Count == 0 ? 0 : kept.Count(p => EvaluationMetrics.ArgMax(p.Families) == p.TrueFamily) / (double)kept.Count;
        return (1 - (double)kept.Count / Math.Max(1, predictions.Count), accuracy);
    }
}

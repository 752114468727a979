using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// The low-confidence threshold calibrated on the out-of-fold clips of all folds of a cross-validation
/// at once (about five times one validation fold), and what it flags there.
/// </summary>
public sealed record PooledThreshold(int Clips, double FusionWeight, double Threshold, double FlaggedShare, double FamilyAccuracyUnflagged)
{
    /// <summary>Fuses each clip's scores as the product does (<paramref name="fusionWeight"/> 0: the network alone) and calibrates.</summary>
    public static PooledThreshold Calibrate(IReadOnlyList<ClipScores> scores, LabelMap labels, double fusionWeight)
    {
        var predictions = scores.Select(s => ClipPrediction.Of(s.TrueGenre,
            DescriptorHead.Fuse(s.Network, s.Head.Select(p => Math.Log(Math.Max(1e-300, p))).ToArray(), fusionWeight), labels)).ToList();
        var threshold = LowConfidenceCalibration.Threshold(predictions);
        var (flagged, unflagged) = LowConfidenceCalibration.Effect(predictions, threshold, scores.Select(s => s.Unfamiliar).ToList());
        return new PooledThreshold(scores.Count, fusionWeight, threshold, flagged, unflagged);
    }
}

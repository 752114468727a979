using System.Text.Json;
using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// The low-confidence threshold calibrated on the out-of-fold clips of all folds of a cross-validation
/// at once (about five times one validation fold), and what it flags there.
/// </summary>
public sealed record PooledThreshold(int Clips, double FusionWeight, double Threshold, double FlaggedShare, double FamilyAccuracyUnflagged)
{
    /// <summary>Fuses each clip's scores as the product does (<paramref name="fusionWeight"/> 0: the network alone) and calibrates.</summary>
    public static PooledThreshold Calibrate(IReadOnlyList<ClipScores> scores, LabelMap labels, double fusionWeight) =>
        Calibrate(scores.Select(s => ClipPrediction.Of(s.TrueGenre, s.Fused(fusionWeight), labels)).ToList(),
            scores.Select(s => s.Unfamiliar).ToList(), fusionWeight);

    /// <summary>Calibrates on clip predictions the product's way already computed (fused, and whatever follows fusion).</summary>
    public static PooledThreshold Calibrate(IReadOnlyList<ClipPrediction> predictions, IReadOnlyList<bool> unfamiliar, double fusionWeight)
    {
        var threshold = LowConfidenceCalibration.Threshold(predictions);
        var (flagged, unflagged) = LowConfidenceCalibration.Effect(predictions, threshold, unfamiliar);
        return new PooledThreshold(predictions.Count, fusionWeight, threshold, flagged, unflagged);
    }

    /// <summary>
    /// What model.json's <c>lowConfidenceCalibration</c> records: where the threshold comes from, what it flags, the
    /// threshold of the model's own validated run (kept through every recalibration) and, when given, the tempo prior's
    /// figures on the same clips.
    /// </summary>
    public JsonElement Record(string source, ModelManifest model, object? tempoPrior = null) =>
        JsonSerializer.SerializeToElement(new
        {
            source,
            Clips,
            FusionWeight,
            Threshold,
            FlaggedShare,
            FamilyAccuracyUnflagged,
            tempoPrior,
            validatedRunThreshold = model.LowConfidenceCalibration is { } previous
                ? previous.GetProperty("validatedRunThreshold").GetDouble()
                : model.LowConfidenceThreshold,
            calibratedUtc = DateTimeOffset.UtcNow,
        }, ModelManifest.JsonOptions);
}

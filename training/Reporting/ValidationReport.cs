using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Reporting;

/// <summary>
/// The numbers a training run writes into model.json and MODEL_CARD.md: the shipped model (network
/// and descriptor head fused), the network alone per aggregation, the head alone, the fused model
/// at other fusion weights, and the baseline, all on the same validation clips; the low-confidence
/// flag's share counts clips below the threshold or unfamiliar-sounding (<see cref="Novelty"/>).
/// </summary>
public sealed record ValidationReport(
    EvaluationMetrics Model,
    string Aggregation,
    IReadOnlyDictionary<string, EvaluationMetrics> ByAggregation,
    EvaluationMetrics DescriptorHeadAlone,
    IReadOnlyDictionary<string, EvaluationMetrics> ByFusionWeight,
    DescriptorHead DescriptorHead,
    EvaluationMetrics Baseline,
    double LowConfidenceThreshold,
    DescriptorNovelty Novelty,
    double UnfamiliarShare,
    double LowConfidenceFlaggedShare,
    double FamilyAccuracyUnflagged)
{
    /// <summary>The tempo prior of each family fitted on the training clips and applied in <see cref="Model"/> (null: none).</summary>
    public TempoFamilyPrior? TempoFamilyPrior { get; init; }

    /// <summary>For an ensemble: its first network alone, then fused with the head, on the same clips (what the ensemble adds).</summary>
    public EvaluationMetrics? FirstNetworkAlone { get; init; }

    public EvaluationMetrics? FirstNetworkFused { get; init; }

    /// <summary>Each validation clip's scores before fusion, in the order of the validation clips.</summary>
    public IReadOnlyList<ClipScores> ClipScores { get; init; } = [];

    /// <summary>For a model refit on all clips: its scores on these (now in-sample) validation clips.</summary>
    public InSampleCheck? RefitInSample { get; init; }
}

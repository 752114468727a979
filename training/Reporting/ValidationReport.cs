using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Reporting;

/// <summary>The numbers a training run writes into model.json and MODEL_CARD.md.</summary>
public sealed record ValidationReport(
    EvaluationMetrics Model,
    string Aggregation,
    IReadOnlyDictionary<string, EvaluationMetrics> ByAggregation,
    EvaluationMetrics Baseline,
    double LowConfidenceThreshold,
    double LowConfidenceFlaggedShare,
    double FamilyAccuracyUnflagged);

using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Reporting;

/// <summary>
/// A model refit on all clips, scored on its validated run's validation clips, which it trained on:
/// not an accuracy (in-sample), but what the product pipeline must reproduce from the shipped files
/// (<c>ShippedModelValidationTests</c>), so that a change to decoding or features still shows up.
/// </summary>
public sealed record InSampleCheck(EvaluationMetrics Metrics, double UnfamiliarShare);

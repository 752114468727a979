using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class EvaluationMetricsTests
{
    private static ClipPrediction Prediction(int genre, int family, double[] genres, double[] families) =>
        new(genre, family, genres, families);

    [Fact]
    public void Counts_top1_top5_family_and_macro_f1_at_clip_level()
    {
        var predictions = new[]
        {
            // right genre, right family
            Prediction(0, 0, new[] { 0.9, 0.1, 0, 0, 0, 0 }, new[] { 1.0, 0 }),
            // wrong genre (true genre ranked 2nd), right family
            Prediction(1, 0, new[] { 0.6, 0.4, 0, 0, 0, 0 }, new[] { 1.0, 0 }),
            // wrong genre outside the top 5, wrong family
            Prediction(5, 1, new[] { 0.5, 0.2, 0.1, 0.1, 0.1, 0.0 }, new[] { 0.9, 0.1 }),
        };

        var metrics = EvaluationMetrics.Compute(predictions, 6, 2);

        Assert.Equal(1 / 3.0, metrics.GenreTop1, 9);
        Assert.Equal(2 / 3.0, metrics.GenreTop5, 9);
        Assert.Equal(2 / 3.0, metrics.FamilyTop1, 9);
        // Genre 0: predicted 3 times, 1 correct, 1 actual -> F1 2*1/(1+3) = 0.5; genres 1 and 5: F1 0.
        Assert.Equal(0.5 / 3, metrics.GenreMacroF1, 9);
        Assert.Equal(new[] { 2, 0 }, metrics.FamilyConfusion[0]);
        Assert.Equal(new[] { 1, 0 }, metrics.FamilyConfusion[1]);
    }

    [Fact]
    public void A_model_whose_confidence_matches_its_accuracy_has_no_calibration_error()
    {
        // Two clips at confidence 0.5, one right and one wrong.
        var predictions = new[]
        {
            Prediction(0, 0, new[] { 0.5, 0.3, 0.2 }, new[] { 1.0 }),
            Prediction(1, 0, new[] { 0.5, 0.3, 0.2 }, new[] { 1.0 }),
        };
        Assert.Equal(0, EvaluationMetrics.Compute(predictions, 3, 1).GenreEce, 9);
    }
}

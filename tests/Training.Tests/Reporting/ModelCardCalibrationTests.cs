using GenreOrleans.Tests.Shared;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Reporting;

namespace GenreOrleans.Training.Tests.Reporting;

public sealed class ModelCardCalibrationTests
{
    private const string Card = "# Model card: genre-crnn 1.9.0\n\nLow-confidence flag: top family probability below 0.269.\n\n## Training\n- 59 epochs\n";

    private static string Calibrate(string card, params (string Version, double Threshold)[] calibrations)
    {
        using var folder = new TemporaryDirectory("model-card-tests");
        File.WriteAllText(Path.Combine(folder.Path, "MODEL_CARD.md"), card);
        foreach (var (version, threshold) in calibrations)
            ModelCardWriter.RecordCalibration(folder.Path, "genre-crnn", version, new PooledThreshold(930, 0.5, threshold, 0.2, 0.8), 5);
        return File.ReadAllText(Path.Combine(folder.Path, "MODEL_CARD.md"));
    }

    [Fact]
    public void The_card_takes_the_new_version_and_states_the_threshold_after_the_rule()
    {
        var card = Calibrate(Card, ("1.9.1", 0.39));

        Assert.StartsWith("# Model card: genre-crnn 1.9.1\n", card);
        var rule = card.IndexOf("Low-confidence flag:", StringComparison.Ordinal);
        var recalibrated = card.IndexOf(ModelCardWriter.CalibrationMarker + " (1.9.1", StringComparison.Ordinal);
        Assert.InRange(recalibrated, rule, card.IndexOf("## Training", StringComparison.Ordinal));
        Assert.Contains("is now 0.390", card);
        Assert.Contains("930 out-of-fold clips", card);
    }

    [Fact]
    public void A_second_calibration_replaces_the_first_paragraph()
    {
        var card = Calibrate(Card, ("1.9.1", 0.39), ("1.9.2", 0.41));

        Assert.Single(card.Split(ModelCardWriter.CalibrationMarker)[1..]);
        Assert.Contains("is now 0.410", card);
        Assert.DoesNotContain("\n\n\n", card);
    }
}

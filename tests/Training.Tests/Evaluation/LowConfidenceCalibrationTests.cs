using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class LowConfidenceCalibrationTests
{
    private static ClipPrediction Clip(double confidence, bool correct) =>
        new(0, correct ? 0 : 1, new[] { 1.0 }, new[] { confidence, 1 - confidence });

    [Fact]
    public void Threshold_sits_above_the_clips_that_are_right_at_most_half_the_time()
    {
        var clips = new[]
        {
            Clip(0.55, false), Clip(0.6, true), Clip(0.62, false), Clip(0.65, false),
            Clip(0.8, true), Clip(0.9, true), Clip(0.95, true), Clip(0.97, true),
        };

        var threshold = LowConfidenceCalibration.Threshold(clips);

        Assert.Equal((0.65 + 0.8) / 2, threshold, 9);
        var (flagged, accuracy) = LowConfidenceCalibration.Effect(clips, threshold);
        Assert.Equal(0.5, flagged, 9);
        Assert.Equal(1.0, accuracy, 9);
    }

    [Fact]
    public void A_model_that_is_always_right_flags_nothing()
    {
        var clips = Enumerable.Range(0, 10).Select(i => Clip(0.5 + i * 0.04, true)).ToList();
        Assert.Equal(0, LowConfidenceCalibration.Threshold(clips));
    }
}

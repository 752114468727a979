using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class LowConfidenceCalibrationTests
{
    /// <summary>A clip whose top family (of 7) has probability <paramref name="confidence"/>.</summary>
    private static ClipPrediction Clip(double confidence, bool correct) =>
        new(0, correct ? 0 : 1, [1.0], [confidence, .. Enumerable.Repeat((1 - confidence) / 6, 6)]);

    private static double LogOdds(double p) => Math.Log(p / (1 - p));

    /// <summary>
    /// 20 clips at each confidence from 0.20 to 0.80, right as often as a logistic curve in the
    /// confidence's log-odds that crosses one half at <paramref name="crossing"/> says.
    /// </summary>
    private static List<ClipPrediction> ClipsRightMoreOftenAbove(double crossing, Func<double, double>? rightShare = null)
    {
        rightShare ??= c => 1 / (1 + Math.Exp(-3 * (LogOdds(c) - LogOdds(crossing))));
        var clips = new List<ClipPrediction>();
        for (var step = 0; step <= 12; step++)
        {
            var confidence = 0.2 + 0.05 * step;
            var right = (int)Math.Round(20 * rightShare(confidence));
            clips.AddRange(Enumerable.Range(0, 20).Select(i => Clip(confidence, i < right)));
        }
        return clips;
    }

    [Fact]
    public void Threshold_lies_where_right_answers_become_the_majority()
    {
        var threshold = LowConfidenceCalibration.Threshold(ClipsRightMoreOftenAbove(0.4));

        Assert.Equal(0.4, threshold, 0.01);
    }

    [Fact]
    public void Threshold_follows_the_crossing_when_it_moves()
    {
        var threshold = LowConfidenceCalibration.Threshold(ClipsRightMoreOftenAbove(0.55));

        Assert.Equal(0.55, threshold, 0.01);
    }

    [Fact]
    public void A_confidence_that_says_nothing_about_correctness_flags_nothing()
    {
        var clips = ClipsRightMoreOftenAbove(0.4, _ => 0.7);

        Assert.Equal(0, LowConfidenceCalibration.Threshold(clips));
    }

    [Fact]
    public void A_model_that_is_always_right_flags_nothing()
    {
        var clips = Enumerable.Range(0, 10).Select(i => Clip(0.5 + i * 0.04, true)).ToList();
        Assert.Equal(0, LowConfidenceCalibration.Threshold(clips));
    }

    [Fact]
    public void Clips_that_separate_perfectly_get_a_threshold_between_the_two_groups()
    {
        var clips = new[] { Clip(0.3, false), Clip(0.35, false), Clip(0.4, false), Clip(0.6, true), Clip(0.7, true), Clip(0.8, true) };

        var threshold = LowConfidenceCalibration.Threshold(clips);

        Assert.InRange(threshold, 0.4, 0.6);
    }

    [Fact]
    public void Effect_counts_flagged_clips_and_the_accuracy_of_the_rest()
    {
        var clips = new[]
        {
            Clip(0.55, false), Clip(0.6, true), Clip(0.62, false), Clip(0.65, false),
            Clip(0.8, true), Clip(0.9, true), Clip(0.95, true), Clip(0.97, true),
        };

        var (flagged, accuracy) = LowConfidenceCalibration.Effect(clips, 0.7);

        Assert.Equal(0.5, flagged, 9);
        Assert.Equal(1.0, accuracy, 9);
    }

    [Fact]
    public void Effect_also_flags_unfamiliar_clips_above_the_threshold()
    {
        var clips = new[] { Clip(0.8, true), Clip(0.9, false), Clip(0.95, true), Clip(0.3, false) };

        var (flagged, accuracy) = LowConfidenceCalibration.Effect(clips, 0.5, [false, true, false, false]);

        Assert.Equal(0.5, flagged, 9);
        Assert.Equal(1.0, accuracy, 9);
    }
}

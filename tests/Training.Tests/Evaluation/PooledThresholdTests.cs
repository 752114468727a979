using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class PooledThresholdTests
{
    private static readonly LabelMap Labels = new(
        [new GenreLabel("acidhouse", "Acid House", "House"), new GenreLabel("goatrance", "Goa Trance", "Trance")], ["House", "Trance"]);

    [Fact]
    public void Fusion_weight_zero_calibrates_on_the_network_alone()
    {
        // The network is sure and right, the head is sure and wrong: alone, the network is never wrong.
        var scores = Enumerable.Range(0, 20)
            .Select(i => new ClipScores(0, [0.9 + i * 0.004, 0.1 - i * 0.004], [0.01, 0.99], false)).ToList();

        var networkAlone = PooledThreshold.Calibrate(scores, Labels, fusionWeight: 0);
        var headAlone = PooledThreshold.Calibrate(scores, Labels, fusionWeight: 1);

        Assert.Equal(0, networkAlone.Threshold);
        Assert.Equal(1.0, networkAlone.FamilyAccuracyUnflagged, 9);
        Assert.Equal(1.0, headAlone.FlaggedShare, 9);
    }

    [Fact]
    public void Unfamiliar_clips_count_as_flagged()
    {
        var scores = Enumerable.Range(0, 10)
            .Select(i => new ClipScores(0, [0.9, 0.1], [0.9, 0.1], Unfamiliar: i < 3)).ToList();

        var pooled = PooledThreshold.Calibrate(scores, Labels, fusionWeight: 0.5);

        Assert.Equal(10, pooled.Clips);
        Assert.Equal(0.3, pooled.FlaggedShare, 9);
    }
}

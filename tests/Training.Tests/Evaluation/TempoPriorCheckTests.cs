using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Tests.Evaluation;

public sealed class TempoPriorCheckTests
{
    // Genre 0 is House, genre 1 is Jungle.
    private static readonly LabelMap Labels = new([new GenreLabel("house", "House", "House"), new GenreLabel("jungle", "Jungle", "Jungle")], ["House", "Jungle"]);

    private static TempoPriorCheck.Clip Clip(int fold, int genre, double house, double bpm) =>
        new(fold, new ClipScores(genre, [house, 1 - house], [house, 1 - house], false), bpm);

    [Fact]
    public void The_tempo_turns_an_uncertain_answer_towards_the_family_of_its_tempo()
    {
        // Fold 1 holds a jungle clip at 174 BPM that the scores call House by a little; fold 0 teaches the prior
        // that jungle lives at 170-176 and house at 124-128.
        List<TempoPriorCheck.Clip> clips =
        [
            Clip(0, 0, 0.9, 124), Clip(0, 0, 0.9, 128), Clip(0, 1, 0.1, 170), Clip(0, 1, 0.1, 176),
            Clip(1, 1, 0.6, 174),
        ];

        var check = TempoPriorCheck.Run(clips, Labels, fusionWeight: 0.5, weight: 1, bandwidthOctaves: 0.1);

        Assert.Equal(0.8, check.Without.FamilyTop1, 9);
        Assert.Equal(1.0, check.With.FamilyTop1, 9);
    }

    [Fact]
    public void A_folds_prior_is_fitted_without_that_folds_clips()
    {
        // The only clip at 174 BPM is the one being judged: without it, neither family is likely there, so the
        // answer stays the scores' one.
        List<TempoPriorCheck.Clip> clips = [Clip(0, 0, 0.9, 124), Clip(0, 0, 0.9, 128), Clip(1, 1, 0.6, 174)];

        var check = TempoPriorCheck.Run(clips, Labels, fusionWeight: 0.5, weight: 1, bandwidthOctaves: 0.1);

        Assert.Equal(check.Without.FamilyTop1, check.With.FamilyTop1, 9);
    }
}

using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Training.Evaluation;

/// <summary>A clip's aggregated genre and family distributions next to its true labels.</summary>
public sealed record ClipPrediction(int TrueGenre, int TrueFamily, double[] Genres, double[] Families)
{
    /// <summary>The prediction of a genre distribution, its families summed from it.</summary>
    public static ClipPrediction Of(int trueGenre, double[] genres, LabelMap labels) =>
        new(trueGenre, labels.FamilyOfGenre[trueGenre], genres, ScoreAggregator.Families(genres, labels.FamilyOfGenre, labels.FamilyCount));
}

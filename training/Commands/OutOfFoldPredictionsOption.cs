using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// The <c>--predictions</c> option of the commands that rework a trained model from a finished cross-validation
/// (<c>calibrate</c>, <c>tempo-prior</c>): the files <c>cross-validate --predictions</c> wrote, read, merged and
/// checked against the model's labels and for every fold.
/// </summary>
internal sealed class OutOfFoldPredictionsOption
{
    public Option<string[]> Option { get; } = new("--predictions")
    {
        Description = "out-of-fold predictions written by cross-validate --predictions (one file per process); together they must cover every fold",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>
    /// The merged predictions of one cross-validation with <paramref name="labels"/> and every fold; null, after saying
    /// why, when a file cannot be read, the files do not belong together, the labels differ or a fold is missing.
    /// </summary>
    public OutOfFoldPredictions? Load(ParseResult parse, LabelMap labels, string modelDirectory)
    {
        OutOfFoldPredictions pooled;
        try
        {
            pooled = OutOfFoldPredictions.Merge(parse.GetValue(Option)!.Select(OutOfFoldPredictions.Read).ToList());
            pooled.RequireGenres(labels.Genres.Select(g => g.Slug).ToList(), $"{modelDirectory}'s");
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
        {
            Console.Error.WriteLine($"--predictions: {e.Message}");
            return null;
        }
        if (pooled.FoldsCovered().Count != pooled.Folds)
        {
            Console.Error.WriteLine($"the predictions cover folds {string.Join(", ", pooled.FoldsCovered())} of {pooled.Folds}; give every fold's file");
            return null;
        }
        return pooled;
    }
}

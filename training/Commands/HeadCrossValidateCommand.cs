using System.CommandLine;
using GenreOrleans.Training.Baseline;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>head-cv --manifest &lt;csv&gt;</c>: k-fold cross-validation of the descriptor head alone from the
/// cached descriptor vectors, in seconds (no network): the quick way to judge a new descriptor
/// before paying for network training. Same folds and seed as <c>cross-validate</c>.
/// </summary>
internal static class HeadCrossValidateCommand
{
    public static Command Create()
    {
        var common = new CommonTrainingOptions();
        var command = new Command("head-cv", "Cross-validate the descriptor head alone (seconds; no network).");
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.Read(parse);
            var data = common.LoadData(parse);
            var folds = common.Folds(parse);
            var labels = data.Labels;
            var results = new List<EvaluationMetrics>();
            for (var fold = 0; fold < folds; fold++)
            {
                var (train, validation, _) = data.Split(folds, fold, options.Seed);
                results.Add(LogisticRegressionBaseline.FitAndEvaluate(train, validation, labels, options.Seed, clip => clip.Features.Descriptors));
                ProgressLog.Write($"fold {fold}: {results[^1].Brief()}");
            }
            Console.WriteLine($"descriptor head alone, {folds}-fold mean: genre top-1 {results.Average(m => m.GenreTop1):F3}, " +
                              $"top-5 {results.Average(m => m.GenreTop5):F3}, family {results.Average(m => m.FamilyTop1):F3}, " +
                              $"macro-F1 {results.Average(m => m.GenreMacroF1):F3}");
            return 0;
        });
        return command;
    }
}

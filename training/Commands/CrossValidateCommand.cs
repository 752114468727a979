using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>cross-validate --manifest &lt;csv&gt;</c>: trains once per fold of the stratified k-fold split and
/// prints per-fold and mean metrics of the model and of the baseline as JSON (for the model card).
/// </summary>
internal static class CrossValidateCommand
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest") { Required = true };
        var report = new Option<string?>("--report") { Description = "also write the JSON to this file" };
        var common = new CommonTrainingOptions();
        var command = new Command("cross-validate", "k-fold cross-validation by clip of the model and the baseline.");
        command.Options.Add(manifest);
        command.Options.Add(report);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.Read(parse);
            var data = PreparedDataset.Load(parse.GetValue(manifest)!, common.CacheDirectory(parse), options.Threads, Log);
            var folds = common.Folds(parse);
            var results = new List<object>();
            var models = new List<EvaluationMetrics>();
            var baselines = new List<EvaluationMetrics>();
            for (var fold = 0; fold < folds; fold++)
            {
                var (run, validation, _) = FoldTraining.Run(data, options, folds, fold, $"cv-fold{fold}", Log);
                models.Add(validation.Model);
                baselines.Add(validation.Baseline);
                results.Add(new { fold, validation.Aggregation, model = validation.Model, baseline = validation.Baseline, minutes = run.Elapsed.TotalMinutes });
                run.Session.Dispose();
            }
            var json = JsonSerializer.Serialize(new
            {
                folds,
                options.Seed,
                perFold = results,
                meanModel = Mean(models),
                meanBaseline = Mean(baselines),
            }, ModelManifest.JsonOptions);
            Console.WriteLine(json);
            if (parse.GetValue(report) is { } path)
                File.WriteAllText(path, json);
            return 0;
        });
        return command;
    }

    private static object Mean(IReadOnlyList<EvaluationMetrics> metrics) => new
    {
        genreTop1 = metrics.Average(m => m.GenreTop1),
        genreTop5 = metrics.Average(m => m.GenreTop5),
        familyTop1 = metrics.Average(m => m.FamilyTop1),
        genreMacroF1 = metrics.Average(m => m.GenreMacroF1),
        genreEce = metrics.Average(m => m.GenreEce),
        genreTop1StdDev = StdDev(metrics.Select(m => m.GenreTop1).ToList()),
    };

    private static double StdDev(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}

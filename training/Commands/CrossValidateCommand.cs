using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>cross-validate --manifest &lt;csv&gt;</c>: trains once per fold of the stratified k-fold split and
/// prints per-fold and mean metrics of the model, of the network and the descriptor head alone, of the
/// fusion at other head weights and of the baseline as JSON (for the model card).
/// </summary>
internal static class CrossValidateCommand
{
    public static Command Create()
    {
        var report = new Option<string?>("--report") { Description = "also write the JSON to this file" };
        var only = new Option<string?>("--only-folds")
        {
            Description = "comma-separated validation folds to run (e.g. 0,1,2), so folds can run as parallel processes; the mean covers these folds",
        };
        var predictionsFile = new Option<string?>("--predictions")
        {
            Description = "write each validation clip's out-of-fold scores (network, descriptor head, unfamiliar) to this JSON file",
        };
        var common = new CommonTrainingOptions();
        var command = new Command("cross-validate", "k-fold cross-validation by clip of the model and the baseline.");
        command.Options.Add(report);
        command.Options.Add(only);
        command.Options.Add(predictionsFile);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.Read(parse);
            var data = common.LoadData(parse);
            var folds = common.Folds(parse);
            var results = new List<object>();
            var models = new List<EvaluationMetrics>();
            var baselines = new List<EvaluationMetrics>();
            var networks = new List<EvaluationMetrics>();
            var heads = new List<EvaluationMetrics>();
            var firstAlone = new List<EvaluationMetrics>();
            var firstFused = new List<EvaluationMetrics>();
            var byWeight = new Dictionary<string, List<EvaluationMetrics>>();
            var outOfFold = new List<(int Fold, ClipRecord Clip, ClipScores Scores)>();
            var selected = parse.GetValue(only) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList()
                : Enumerable.Range(0, folds).ToList();
            if (selected.Count == 0 || selected.Any(f => f < 0 || f >= folds))
            {
                Console.Error.WriteLine($"--only-folds must list folds between 0 and {folds - 1}");
                return 2;
            }
            // Which fold each manifest row belongs to (the same for every fold): names the out-of-fold clips.
            var assignment = StratifiedFolds.Assign(data.Manifest.Clips, folds, options.Seed);
            foreach (var fold in selected)
            {
                var (run, validation, _) = FoldTraining.Run(data, options, folds, fold, $"cv-fold{fold}", ProgressLog.Write);
                models.Add(validation.Model);
                baselines.Add(validation.Baseline);
                networks.Add(validation.ByAggregation[validation.Aggregation]);
                heads.Add(validation.DescriptorHeadAlone);
                if (validation.FirstNetworkAlone is { } alone && validation.FirstNetworkFused is { } fused)
                {
                    firstAlone.Add(alone);
                    firstFused.Add(fused);
                }
                var validationClips = data.Manifest.Clips.Where((_, i) => assignment[i] == fold).ToList();
                outOfFold.AddRange(validation.ClipScores.Select((scores, i) => (fold, validationClips[i], scores)));
                foreach (var (weight, metrics) in validation.ByFusionWeight)
                    (byWeight.TryGetValue(weight, out var sameWeight) ? sameWeight : byWeight[weight] = []).Add(metrics);
                results.Add(new
                {
                    fold,
                    validation.Aggregation,
                    model = validation.Model,
                    networkAlone = networks[^1],
                    descriptorHeadAlone = heads[^1],
                    baseline = validation.Baseline,
                    firstNetworkAlone = validation.FirstNetworkAlone,
                    firstNetworkFused = validation.FirstNetworkFused,
                    bestEpochs = run.BestEpochs,
                    fusedByWeight = validation.ByFusionWeight,
                    lowConfidence = new
                    {
                        threshold = validation.LowConfidenceThreshold,
                        unfamiliarShare = validation.UnfamiliarShare,
                        flaggedShare = validation.LowConfidenceFlaggedShare,
                        familyAccuracyUnflagged = validation.FamilyAccuracyUnflagged,
                    },
                    minutes = run.Elapsed.TotalMinutes,
                });
                run.Session.Dispose();
            }
            var json = JsonSerializer.Serialize(new
            {
                folds,
                foldsRun = selected,
                options.Seed,
                options.Epochs,
                options.MaxMinutes,
                options.Augment,
                options.Networks,
                perFold = results,
                options.FusionWeight,
                meanModel = Mean(models),
                meanNetworkAlone = Mean(networks),
                meanDescriptorHeadAlone = Mean(heads),
                meanBaseline = Mean(baselines),
                meanFirstNetworkAlone = firstAlone.Count > 0 ? Mean(firstAlone) : null,
                meanFirstNetworkFused = firstFused.Count > 0 ? Mean(firstFused) : null,
                // For the record, as in the model card: the configured weight is what ships.
                meanFusedByWeight = byWeight.ToDictionary(w => w.Key, w => Mean(w.Value)),
                pooledLowConfidence = PooledThreshold.Calibrate(outOfFold.Select(o => o.Scores).ToList(), data.Labels, options.FusionWeight),
            }, ModelManifest.JsonOptions);
            Console.WriteLine(json);
            if (parse.GetValue(report) is { } path)
                File.WriteAllText(path, json);
            if (parse.GetValue(predictionsFile) is { } predictionsPath)
                new OutOfFoldPredictions(options.Seed, folds, data.Labels.Genres.Select(g => g.Slug).ToList(), outOfFold
                    .Select(o => new OutOfFoldClip(o.Fold, o.Clip.RelativePath, o.Clip.Genre,
                        o.Scores.Network.Select(v => (float)v).ToArray(), o.Scores.Head.Select(v => (float)v).ToArray(), o.Scores.Unfamiliar))
                    .ToList()).Write(predictionsPath);
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
}

using System.CommandLine;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Baseline;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>head-cv --manifest &lt;csv&gt;</c>: k-fold cross-validation of the descriptor head alone from the
/// cached descriptor vectors, in seconds (no network): the quick way to judge a new descriptor
/// before paying for network training. Same folds and seed as <c>cross-validate</c>.
/// <c>--shifted &lt;csv&gt;</c> (repeatable) also scores each fold's head on re-mastered copies of its
/// validation clips: a manifest with the same rows in the same order whose files are the copies
/// (louder, brighter, re-encoded…), so a descriptor that only measures the recording shows up.
/// <c>--without &lt;prefix&gt;</c> (repeatable) leaves out the descriptor elements whose names
/// (<see cref="DescriptorVector.Names"/>) start with the prefix: what a group adds, without a new version.
/// <c>--fuse-with &lt;predictions&gt;</c> also fuses each fold's head with the network scores of a
/// <c>cross-validate --predictions</c> run of the same seed and folds, as the product fuses: the
/// full model's figures for a head change, paired with that run's, without training a network again.
/// </summary>
internal static class HeadCrossValidateCommand
{
    public static Command Create()
    {
        var common = new CommonTrainingOptions();
        var shifted = new Option<string[]>("--shifted")
        {
            Description = "manifest of re-mastered copies of the same clips, row for row; the head is also scored on their validation rows",
            AllowMultipleArgumentsPerToken = false,
        };
        var without = new Option<string[]>("--without")
        {
            Description = "leave out the descriptor elements whose names start with this prefix (e.g. chroma_stft, rhythm., fluctuation.share)",
            AllowMultipleArgumentsPerToken = false,
        };
        var fuseWith = new Option<string[]>("--fuse-with")
        {
            Description = "out-of-fold predictions of a cross-validate run with the same seed and folds (its --predictions files): also fuse each fold's head with that run's network",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("head-cv", "Cross-validate the descriptor head alone (seconds; no network).");
        common.AddTo(command);
        command.Options.Add(shifted);
        command.Options.Add(without);
        command.Options.Add(fuseWith);
        command.SetAction(parse =>
        {
            var options = common.Read(parse);
            DescriptorSelection selection;
            try
            {
                selection = DescriptorSelection.Without(DescriptorVector.Names, parse.GetValue(without) ?? []);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"--without: {e.Message}");
                return 2;
            }
            var data = common.LoadData(parse);
            if (selection.Count < DescriptorVector.Length)
                ProgressLog.Write($"head reads {selection.Count} of {DescriptorVector.Length} descriptor elements");
            var shiftedPaths = parse.GetValue(shifted) ?? [];
            // Checked before the copies' audio is read: the copies take the folds of the original rows.
            if (shiftedPaths.FirstOrDefault(path => !TrainingManifest.Load(path).HasSameRowsAs(data.Manifest)) is { } mismatched)
            {
                Console.Error.WriteLine($"--shifted {mismatched} must list the same clips as --manifest, row for row (same count, same genres in the same order)");
                return 2;
            }
            var folds = common.Folds(parse);
            IReadOnlyDictionary<string, OutOfFoldClip>? network = null;
            if (parse.GetValue(fuseWith) is { Length: > 0 } networkPaths)
            {
                try
                {
                    network = OutOfFoldPredictions.Merge(networkPaths.Select(OutOfFoldPredictions.Read).ToList()).ByFileCovering(
                        options.Seed, folds, data.Labels.Genres.Select(g => g.Slug).ToList(), data.Manifest.Clips.Select(c => c.RelativePath));
                }
                catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException)
                {
                    Console.Error.WriteLine($"--fuse-with: {e.Message}");
                    return 2;
                }
            }
            float[] Descriptors(Training.TrainingClip clip) => selection.Apply(clip.Features.Descriptors);
            var copies = shiftedPaths.Select(path => (Name: path, Data: common.LoadData(path, parse))).ToList();
            var labels = data.Labels;
            var results = new List<EvaluationMetrics>();
            var shiftedResults = copies.Select(_ => new List<EvaluationMetrics>()).ToList();
            var fusedResults = new List<EvaluationMetrics>();
            for (var fold = 0; fold < folds; fold++)
            {
                var (train, validation, assignment) = data.Split(folds, fold, options.Seed);
                var head = LogisticRegression.Fit(train.Select(Descriptors).ToList(), train.Select(c => c.Genre).ToList(), labels.GenreCount, options.Seed,
                    links: data.Links.Pairs, linkWeight: options.HeadLinkWeight);
                results.Add(LogisticRegressionBaseline.Evaluate(head, validation, labels, Descriptors));
                ProgressLog.Write($"fold {fold}: {results[^1].Brief()}");
                if (network is not null)
                {
                    var records = data.Manifest.Clips.Where((_, i) => assignment[i] == fold).ToList();
                    var descriptorHead = head.ToDescriptorHead(DescriptorVector.Version, options.FusionWeight);
                    var fused = validation.Select((clip, i) => ClipPrediction.Of(clip.Genre, DescriptorHead.Fuse(
                        network[records[i].RelativePath].Network.Select(v => (double)v).ToArray(), descriptorHead.LogProbabilities(Descriptors(clip)), options.FusionWeight), labels)).ToList();
                    fusedResults.Add(EvaluationMetrics.Compute(fused, labels.GenreCount, labels.FamilyCount));
                    ProgressLog.Write($"  fused with the network (weight {options.FusionWeight}): {fusedResults[^1].Brief()}");
                }
                for (var k = 0; k < copies.Count; k++)
                {
                    shiftedResults[k].Add(LogisticRegressionBaseline.Evaluate(head, copies[k].Data.Clips.Where((_, i) => assignment[i] == fold).ToList(), labels, Descriptors));
                    ProgressLog.Write($"  on {copies[k].Name}: {shiftedResults[k][^1].Brief()}");
                }
            }
            Console.WriteLine($"descriptor head alone, {folds}-fold mean: {Mean(results)}");
            if (network is not null)
                Console.WriteLine($"  fused with the network of --fuse-with (weight {options.FusionWeight}): {Mean(fusedResults)}");
            for (var k = 0; k < copies.Count; k++)
                Console.WriteLine($"  on the copies of {copies[k].Name}: {Mean(shiftedResults[k])}");
            return 0;
        });
        return command;
    }

    private static string Mean(IReadOnlyList<EvaluationMetrics> results) =>
        $"genre top-1 {results.Average(m => m.GenreTop1):F3}, top-5 {results.Average(m => m.GenreTop5):F3}, " +
        $"family {results.Average(m => m.FamilyTop1):F3}, macro-F1 {results.Average(m => m.GenreMacroF1):F3}";
}

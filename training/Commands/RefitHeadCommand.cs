using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Reporting;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>refit-head --manifest &lt;csv&gt; --model models/&lt;name&gt; --model-version V</c>: keeps a trained
/// model's network and refits everything after it (descriptor head, aggregation, low-confidence
/// threshold, metrics, model card) on the model's own split, in a minute instead of a training run.
/// For a new descriptor version or fusion weight on a network that is already good.
/// </summary>
internal static class RefitHeadCommand
{
    private sealed record RecordedTraining(TrainingOptions Options, int BestEpoch, double Seconds, IReadOnlyList<EpochRecord> History, IReadOnlyList<int>? BestEpochs);

    public static Command Create()
    {
        var modelOption = new Option<string>("--model") { Description = "model directory whose network is kept", Required = true };
        var version = new Option<string>("--model-version") { Description = "version of the refitted model", Required = true };
        var common = new CommonTrainingOptions();
        var command = new Command("refit-head", "Refit the descriptor head, aggregation and threshold of a trained model on its own split.");
        command.Options.Add(modelOption);
        command.Options.Add(version);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            if (common.LoadModelWithItsData(parse, modelOption) is not { } loaded)
                return 2;
            var (directory, manifest, data) = loaded;
            var split = manifest.Split?.Deserialize<SplitDescription>(ModelManifest.JsonOptions);
            var recorded = manifest.Training?.Deserialize<RecordedTraining>(ModelManifest.JsonOptions);
            if (split is null || recorded is null)
            {
                Console.Error.WriteLine($"{directory}/model.json records no split or training history");
                return 2;
            }
            if (split.RefitOnAllClips)
            {
                Console.Error.WriteLine($"{directory} was refit on all clips: its validation clips are in its training data, so nothing can be refitted or measured on them");
                return 2;
            }
            var requested = common.Read(parse);
            var options = recorded.Options with { FusionWeight = requested.FusionWeight, HeadLinkWeight = requested.HeadLinkWeight };
            var (train, validation, _) = data.Split(split.Folds, split.ValidationFold, split.Seed);
            var name = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
            var modelVersion = parse.GetValue(version)!;
            using var session = InferenceSession.Load(directory, manifest with { Version = modelVersion });
            var report = FoldEvaluation.Evaluate(data.Labels, data.Links, session, train, validation, options, ProgressLog.Write);
            var run = new TrainingRun(session, recorded.History, recorded.BestEpoch, TimeSpan.FromSeconds(recorded.Seconds))
            {
                BestEpochs = recorded.BestEpochs ?? [recorded.BestEpoch],
            };
            ModelExporter.Export(directory, name, modelVersion, data, run, options, split, report);
            ProgressLog.Write($"wrote {directory} (network kept, head refitted)");
            return 0;
        });
        return command;
    }
}

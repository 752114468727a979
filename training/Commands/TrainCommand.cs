using System.CommandLine;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Reporting;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>train --manifest &lt;csv|folder&gt; --out models/&lt;name&gt; [--refit-all-clips]</c>: trains, evaluates on the
/// held-out fold, optionally trains the shipped networks again on all clips, writes the model directory.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "model directory to write, e.g. models/<name>", Required = true };
        var version = new Option<string>("--model-version") { Description = "version recorded in model.json", DefaultValueFactory = _ => "1.0.0" };
        var refit = new Option<bool>("--refit-all-clips")
        {
            Description = "after the validated run, train the shipped networks again on all clips (its learning rates, up to its best epoch); " +
                          "the model card keeps the validated run's figures",
        };
        var common = new CommonTrainingOptions();
        var command = new Command("train", "Train the genre model and write weights, model.json and MODEL_CARD.md.");
        command.Options.Add(output);
        command.Options.Add(version);
        command.Options.Add(refit);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var options = common.Read(parse) with { RefitAllClips = parse.GetValue(refit) };
            var data = common.LoadData(parse);
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            var name = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
            var modelVersion = parse.GetValue(version)!;
            var (run, report, split) = FoldTraining.Run(data, options, common.Folds(parse), common.Fold(parse), $"{name}@{modelVersion}", ProgressLog.Write);
            ModelExporter.Export(directory, name, modelVersion, data, run, options, split, report);
            var refitMinutes = run.Refit?.Elapsed.TotalMinutes ?? 0;
            ProgressLog.Write($"wrote {directory} ({run.Elapsed.TotalMinutes + refitMinutes:F1} min of training)");
            run.Session.Dispose();
            return 0;
        });
        return command;
    }
}

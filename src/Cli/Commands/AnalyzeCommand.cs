using System.CommandLine;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Cli.Analyze;
using Spectre.Console;

namespace GenreOrleans.Cli.Commands;

/// <summary>
/// <c>genre analyze &lt;file|folder&gt;... [--json|--csv]</c>: the upload pipeline in-process. Folders
/// are searched for audio files and get a progress bar on stderr; results go to stdout, one
/// line per file, in the order they finish.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "audio files or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "one JSON object per file per line (the API's result plus \"file\")" };
        var csv = new Option<bool>("--csv") { Description = "one CSV row per file (top genre and family)" };
        var model = new Option<string?>("--model") { Description = "model directory (default: the shipped model)" };
        var command = new Command("analyze", "Tell which genres audio files belong to.");
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.Options.Add(csv);
        command.Options.Add(model);
        command.SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(json) ? OutputFormat.Json : parse.GetValue(csv) ? OutputFormat.Csv : OutputFormat.Text;
            var files = AudioFileFinder.Expand(parse.GetValue(paths)!, out var anyFolder);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("no audio files found");
                return 2;
            }
            var modelDirectory = parse.GetValue(model) ?? ModelLocator.FindDefault();
            // The model loads in the background, so a wrong --model is caught here, once, rather than per file.
            if (!File.Exists(Path.Combine(modelDirectory, ModelManifest.FileName)))
            {
                Console.Error.WriteLine($"no model in {modelDirectory}: {ModelManifest.FileName} is missing");
                return 2;
            }
            // One intra-op thread for the model: the other cores are busy decoding and extracting
            // (other files, or this file's tempo/key pass). bench inference measures both settings.
            using var loading = new LoadingModel(modelDirectory, torchThreads: 1);
            var analyzer = CreateAnalyzerAsync(loading.Manifest);
            var analysis = new BatchedTrackAnalysis(analyzer, loading);
            if (format == OutputFormat.Csv)
                Console.WriteLine(ResultFormatter.CsvHeader);
            var failed = 0;
            Task Print(AnalyzedFile file)
            {
                if (file.Result is null)
                    failed++;
                Console.WriteLine(ResultFormatter.Format(file, format));
                return Task.CompletedTask;
            }
            if (!anyFolder)
            {
                await analysis.RunAsync(files, Print, ct);
            }
            else
            {
                var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                await stderr.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"analysing {files.Count} files", maxValue: files.Count);
                        await analysis.RunAsync(files, file =>
                        {
                            task.Increment(1);
                            return Print(file);
                        }, ct);
                    });
            }
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<TrackAnalyzer> CreateAnalyzerAsync(Task<ModelManifest> manifest) =>
        new(await manifest.ConfigureAwait(false), new TempoKeyReader());
}

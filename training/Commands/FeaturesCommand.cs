using System.CommandLine;
using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Commands;

/// <summary><c>features --manifest &lt;csv|folder&gt;</c>: fills the feature cache (decode + log-mel + summary) without training.</summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var manifest = new Option<string>("--manifest") { Required = true };
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => ".cache/features" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("features", "Compute and cache the features of every clip of a manifest.");
        command.Options.Add(manifest);
        command.Options.Add(cache);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            PreparedDataset.Load(parse.GetValue(manifest)!, parse.GetValue(cache)!, parse.GetValue(threads),
                ProgressLog.Write);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using GenreOrleans.Cli;
using GenreOrleans.Cli.Commands;

var root = new RootCommand("GenreOrleans: which electronic music genres a track belongs to.");
// One line per command; each command lives in its own file under Commands/.
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(DecodeCommand.Create());
root.Subcommands.Add(FeaturesCommand.Create());

return ProcessExit.Now(await root.Parse(args).InvokeAsync());

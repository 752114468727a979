using System.CommandLine;
using GenreOrleans.Training.Commands;

var root = new RootCommand("GenreOrleans training: train, evaluate and cross-validate the genre model.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(CrossValidateCommand.Create());
return await root.Parse(args).InvokeAsync();

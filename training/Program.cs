using System.CommandLine;
using GenreOrleans.Training;
using GenreOrleans.Training.Commands;

// Idle OpenMP threads must sleep, not spin: the machine is shared (set before torch loads).
NativeEnvironment.SetIfUnset("OMP_WAIT_POLICY", "PASSIVE");

var root = new RootCommand("GenreOrleans training: train, evaluate and cross-validate the genre model.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(EvaluateFamiliesCommand.Create());
root.Subcommands.Add(CrossValidateCommand.Create());
root.Subcommands.Add(FeaturesCommand.Create());
root.Subcommands.Add(RefitHeadCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(TempoPriorCommand.Create());
root.Subcommands.Add(HeadCrossValidateCommand.Create());
return await root.Parse(args).InvokeAsync();

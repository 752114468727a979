using System.CommandLine;
using System.Globalization;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Reporting;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>calibrate --model models/&lt;name&gt; --predictions cv-*.json --model-version V</c>: sets a trained
/// model's low-confidence threshold from the out-of-fold predictions of a cross-validation of its
/// recipe (<c>cross-validate --predictions</c>) instead of its one validation fold: five times the
/// clips, so the threshold moves far less by chance. Weights, head and every other figure stay.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var modelOption = new Option<string>("--model") { Description = "model directory to recalibrate", Required = true };
        var predictions = new OutOfFoldPredictionsOption();
        var version = new Option<string>("--model-version") { Description = "version of the recalibrated model", Required = true };
        var command = new Command("calibrate", "Recalibrate a model's low-confidence threshold on the out-of-fold clips of a cross-validation.");
        command.Options.Add(modelOption);
        command.Options.Add(predictions.Option);
        command.Options.Add(version);
        command.SetAction(parse =>
        {
            var directory = Path.GetFullPath(parse.GetValue(modelOption)!);
            var manifest = ModelManifest.Read(directory);
            if (manifest.TempoFamilyPrior is not null)
            {
                // The predictions hold no tempos, so the threshold would be calibrated on other distributions than the product's.
                Console.Error.WriteLine($"{directory} has a tempo prior: recalibrate it with tempo-prior, which applies the prior to the out-of-fold clips");
                return 2;
            }
            var labels = manifest.CreateLabelMap();
            if (predictions.Load(parse, labels, directory) is not { } pooled)
                return 2;
            var scores = pooled.Clips.Select(c => ClipScores.Of(c, labels)).ToList();
            var fusionWeight = manifest.DescriptorHead?.FusionWeight ?? 0;
            var calibration = PooledThreshold.Calibrate(scores, labels, fusionWeight);
            var modelVersion = parse.GetValue(version)!;
            var record = calibration.Record(
                $"out-of-fold clips of a {pooled.Folds}-fold cross-validation by clip (seed {pooled.Seed}) of this model's recipe", manifest);
            (manifest with { Version = modelVersion, LowConfidenceThreshold = calibration.Threshold, LowConfidenceCalibration = record }).Write(directory);
            ModelCardWriter.RecordCalibration(directory, manifest.Name, modelVersion, calibration, pooled.Folds);
            ProgressLog.Write(string.Create(CultureInfo.InvariantCulture,
                $"{manifest.Name} {modelVersion}: low confidence below {calibration.Threshold:F3} (was {manifest.LowConfidenceThreshold:F3}); " +
                $"on the {calibration.Clips} out-of-fold clips it flags {calibration.FlaggedShare:P0} with the unfamiliar ones, family accuracy on the rest {calibration.FamilyAccuracyUnflagged:F3}"));
            return 0;
        });
        return command;
    }
}

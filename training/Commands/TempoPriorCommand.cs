using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Reporting;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>tempo-prior --manifest &lt;csv&gt; --model models/&lt;name&gt; --predictions cv-*.json --weight W --model-version V</c>:
/// adds a <see cref="TempoFamilyPrior"/> fitted on all the model's training clips to a trained model, after measuring it
/// on the out-of-fold clips of a cross-validation of the model's recipe (each fold's prior fitted on the other folds),
/// and recalibrates the low-confidence threshold on those clips with the prior applied. The clips' tempos come from
/// their cached descriptor vectors, so nothing is decoded again. Weights, head and every other figure stay.
/// </summary>
internal static class TempoPriorCommand
{
    public static Command Create()
    {
        var modelOption = new Option<string>("--model") { Description = "model directory to add the prior to", Required = true };
        var predictions = new OutOfFoldPredictionsOption();
        var weight = new Option<double>("--weight") { Description = "exponent of the tempo likelihood (0 = off)", DefaultValueFactory = _ => 1 };
        var bandwidth = new Option<double>("--bandwidth") { Description = "kernel width in octaves", DefaultValueFactory = _ => 0.1 };
        var version = new Option<string>("--model-version") { Description = "version of the model with the prior", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "measure only; leave the model as it is" };
        var common = new CommonTrainingOptions();
        var command = new Command("tempo-prior", "Measure a tempo-per-family prior on out-of-fold clips and add it to a trained model.");
        foreach (var option in new Option[] { modelOption, predictions.Option, weight, bandwidth, version, dryRun })
            command.Options.Add(option);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            if (common.LoadModelWithItsData(parse, modelOption) is not { } loaded)
                return 2;
            var (directory, manifest, data) = loaded;
            var labels = manifest.CreateLabelMap();
            if (predictions.Load(parse, labels, directory) is not { } pooled)
                return 2;
            var tempoOfFile = data.Manifest.Clips.Select((c, i) => (File: c.RelativePath, Bpm: DescriptorVector.TempoBpm(data.Clips[i].Features.Descriptors)))
                .ToDictionary(c => c.File, c => c.Bpm, StringComparer.Ordinal);
            if (pooled.Clips.FirstOrDefault(c => !tempoOfFile.ContainsKey(c.File)) is { } stranger)
            {
                Console.Error.WriteLine($"the predictions hold {stranger.File}, which is not a clip of this manifest");
                return 2;
            }
            var clips = pooled.Clips.Select(c => new TempoPriorCheck.Clip(c.Fold, ClipScores.Of(c, labels), tempoOfFile[c.File])).ToList();
            var fusionWeight = manifest.DescriptorHead?.FusionWeight ?? 0;
            double w = parse.GetValue(weight), bw = parse.GetValue(bandwidth);
            var check = TempoPriorCheck.Run(clips, labels, fusionWeight, w, bw);
            ProgressLog.Write(string.Create(CultureInfo.InvariantCulture,
                $"{clips.Count} out-of-fold clips, fused without the prior: {check.Without.Brief()}"));
            ProgressLog.Write(string.Create(CultureInfo.InvariantCulture,
                $"with the tempo prior (weight {w}, {bw} octave): {check.With.Brief()}; low confidence below {check.Calibration.Threshold:F3} flags {check.Calibration.FlaggedShare:P0}, family accuracy on the rest {check.Calibration.FamilyAccuracyUnflagged:F3}"));
            if (parse.GetValue(dryRun))
                return 0;

            var prior = TempoFamilyPrior.Fit(data.Manifest.Clips.Select(c => (c.Family, tempoOfFile[c.RelativePath])), w, bw);
            var modelVersion = parse.GetValue(version)!;
            var record = check.Calibration.Record(
                $"out-of-fold clips of a {pooled.Folds}-fold cross-validation by clip (seed {pooled.Seed}) of this model's recipe, with the tempo prior",
                manifest, new { weight = w, bandwidthOctaves = bw, without = check.Without, with = check.With });
            var updated = manifest with
            {
                Version = modelVersion,
                TempoFamilyPrior = prior,
                LowConfidenceThreshold = check.Calibration.Threshold,
                LowConfidenceCalibration = record,
            };
            updated = updated with { Metrics = RemeasureOnSplit(directory, updated, data) };
            updated.Write(directory);
            ProgressLog.Write($"wrote {directory} ({manifest.Name} {modelVersion}: tempo prior of {prior.Log2Tempos.Values.Sum(t => t.Length)} clips)");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The model's recorded figures on its split's validation clips, measured again with the prior as the product now
    /// scores them (for a model refit on all clips, its in-sample reproduction check), so that the recorded figures
    /// stay the ones the product reproduces.
    /// </summary>
    private static JsonElement? RemeasureOnSplit(string directory, ModelManifest model, Data.PreparedDataset data)
    {
        if (model.Split?.Deserialize<SplitDescription>(ModelManifest.JsonOptions) is not { } split || model.Metrics is not { } metrics
            || model.DescriptorHead is not { } head || model.DescriptorNovelty is not { } novelty)
            return model.Metrics;
        var (_, validation, _) = data.Split(split.Folds, split.ValidationFold, split.Seed);
        using var session = InferenceSession.Load(directory, model);
        var check = FoldEvaluation.InSample(data.Labels, session, head, novelty, model.TempoFamilyPrior, model.Aggregation, validation);
        var node = JsonNode.Parse(metrics.GetRawText())!.AsObject();
        if (split.RefitOnAllClips)
            node["refitInSample"] = JsonSerializer.SerializeToNode(check, ModelManifest.JsonOptions);
        else
            node["validation"] = JsonSerializer.SerializeToNode(check.Metrics, ModelManifest.JsonOptions);
        ProgressLog.Write($"{(split.RefitOnAllClips ? "in-sample check" : "validation")} on the split's {validation.Count} clips with the prior: {check.Metrics.Brief()}");
        return JsonSerializer.SerializeToElement(node, ModelManifest.JsonOptions);
    }
}

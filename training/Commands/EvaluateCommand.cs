using System.CommandLine;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>evaluate --manifest &lt;csv|folder&gt; --model models/&lt;name&gt;</c>: prints clip-level metrics as JSON.
/// On the model's own training manifest it measures the validation fold recorded in model.json;
/// on any other manifest every clip whose genre the model knows.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var manifestOption = new Option<string>("--manifest") { Required = true };
        var modelOption = new Option<string>("--model") { Required = true };
        var all = new Option<bool>("--all") { Description = "measure every clip, even those the model trained on" };
        var cache = new Option<string>("--cache") { DefaultValueFactory = _ => ".cache/features" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var command = new Command("evaluate", "Measure a model directory on a manifest; prints metrics as JSON.");
        foreach (var option in new Option[] { manifestOption, modelOption, all, cache, threads })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            using var session = InferenceSession.Load(parse.GetValue(modelOption)!);
            var model = session.Manifest!;
            var manifest = TrainingManifest.Load(parse.GetValue(manifestOption)!);
            var known = model.Genres.Select(g => g.Slug).ToHashSet(StringComparer.Ordinal);
            var sameData = manifest.Sha256 == model.TrainingManifestSha256;
            var selected = Enumerable.Range(0, manifest.Clips.Count).Where(i => known.Contains(manifest.Clips[i].Genre)).ToList();
            var scope = "all clips with a known genre";
            if (sameData && !parse.GetValue(all) && model.Split is { } splitJson)
            {
                var split = splitJson.Deserialize<SplitDescription>(ModelManifest.JsonOptions)!;
                var folds = StratifiedFolds.Assign(manifest.Clips, split.Folds, split.Seed);
                selected = selected.Where(i => folds[i] == split.ValidationFold).ToList();
                scope = $"validation fold {split.ValidationFold} of {split.Folds} (seed {split.Seed})";
                if (split.RefitOnAllClips)
                {
                    // Measured anyway (the figures show the fit), but never to be read as held-out accuracy.
                    scope += ": IN-SAMPLE, the model was refit on all clips after its validated run (the metrics in model.json are the held-out figures of that run)";
                    Console.Error.WriteLine($"warning: {model.Identity} was refit on all clips; its validation fold is in its training data");
                }
            }
            var cacheStore = new FeatureCache(parse.GetValue(cache)!);
            var clips = selected.Select(i => manifest.Clips[i]).ToList();
            var features = cacheStore.LoadAll(clips, parse.GetValue(threads));
            var windows = ClipScorer.WindowProbabilities(session, features);
            var labels = session.Labels;
            var truth = clips.Select(c => labels.IndexOf(c.Genre)).ToList();
            var aggregation = Enum.Parse<ScoreAggregation>(model.Aggregation);
            var predictions = ClipScorer.Aggregate(windows, truth, labels, aggregation);
            if (model.DescriptorHead is { } head)
                predictions = predictions.Select((p, i) => ClipPrediction.Of(p.TrueGenre, head.Fuse(p.Genres, features[i].Descriptors), labels)).ToList();
            if (model.TempoFamilyPrior is { } prior)
                predictions = predictions.Select((p, i) => ClipPrediction.Of(p.TrueGenre,
                    prior.Apply(p.Genres, labels, DescriptorVector.TempoBpm(features[i].Descriptors)), labels)).ToList();
            var metrics = EvaluationMetrics.Compute(predictions, labels.GenreCount, labels.FamilyCount);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = session.ModelVersion,
                manifestSha256 = manifest.Sha256,
                scope,
                skippedUnknownGenre = manifest.Clips.Count(c => !known.Contains(c.Genre)),
                aggregation = model.Aggregation,
                descriptorHead = model.DescriptorHead is { } h ? $"{h.Version}, fusion weight {h.FusionWeight}" : "none",
                tempoPrior = model.TempoFamilyPrior is { } t ? $"weight {t.Weight}, {t.BandwidthOctaves} octave" : "none",
                metrics,
            }, ModelManifest.JsonOptions));
            return 0;
        });
        return command;
    }
}

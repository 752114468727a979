using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Reporting;

/// <summary>Writes a trained model directory: weights, model.json, the family confusion matrix and MODEL_CARD.md.</summary>
public static class ModelExporter
{
    public const string WeightsFile = "weights.dat";
    public const string ConfusionFile = "family_confusion.svg";

    public static void Export(
        string directory,
        string name,
        string version,
        PreparedDataset data,
        TrainingRun run,
        TrainingOptions options,
        SplitDescription split,
        ValidationReport report)
    {
        Directory.CreateDirectory(directory);
        var session = run.Session;
        var weightsFiles = session.Networks.Select((_, i) => i == 0 ? WeightsFile : $"weights-{i + 1}.dat").ToList();
        for (var i = 0; i < weightsFiles.Count; i++)
            session.Networks[i].save(Path.Combine(directory, weightsFiles[i]));
        var manifest = new ModelManifest
        {
            Name = name,
            Version = version,
            CreatedUtc = DateTimeOffset.UtcNow,
            WeightsFile = WeightsFile,
            EnsembleWeightsFiles = weightsFiles.Count > 1 ? weightsFiles.Skip(1).ToList() : null,
            EnsembleNetworks = session.Networks.Skip(1).Any(n => n.Options != session.Network.Options)
                ? session.Networks.Skip(1).Select(n => n.Options).ToList()
                : null,
            Genres = data.Labels.Genres,
            Families = data.Labels.Families,
            Window = session.Window,
            Network = session.Network.Options,
            MelScaler = ScalerValues.From(session.MelScaler),
            SummaryVersion = TrackSummary.Version,
            SummaryNames = TrackSummary.Names(session.Window.MelBands),
            SummaryScaler = ScalerValues.From(session.SummaryScaler),
            DescriptorHead = report.DescriptorHead,
            DescriptorNovelty = report.Novelty,
            TempoFamilyPrior = report.TempoFamilyPrior,
            Aggregation = report.Aggregation,
            LowConfidenceThreshold = report.LowConfidenceThreshold,
            TrainingManifestSha256 = data.Manifest.Sha256,
            Split = JsonSerializer.SerializeToElement(split, ModelManifest.JsonOptions),
            Metrics = JsonSerializer.SerializeToElement(new
            {
                validation = report.Model,
                networkAloneByAggregation = report.ByAggregation,
                descriptorHeadAlone = report.DescriptorHeadAlone,
                firstNetworkAlone = report.FirstNetworkAlone,
                firstNetworkFused = report.FirstNetworkFused,
                byFusionWeight = report.ByFusionWeight,
                baselineLogisticRegression = report.Baseline,
                refitInSample = report.RefitInSample,
                lowConfidence = new
                {
                    threshold = report.LowConfidenceThreshold,
                    noveltyThreshold = report.Novelty.Threshold,
                    unfamiliarShare = report.UnfamiliarShare,
                    flaggedShare = report.LowConfidenceFlaggedShare,
                    familyAccuracyUnflagged = report.FamilyAccuracyUnflagged,
                },
            }, ModelManifest.JsonOptions),
            Training = JsonSerializer.SerializeToElement(new
            {
                options,
                featureVersion = FeatureCache.FeatureVersion,
                genreLinks = data.Links.Pairs.Count == 0 ? null : new { pairs = data.Links.Pairs.Count, sha256 = data.Links.Sha256 },
                bestEpoch = run.BestEpoch,
                bestEpochs = run.BestEpochs.Count > 1 ? run.BestEpochs : null,
                seconds = Math.Round(run.Elapsed.TotalSeconds),
                history = run.History,
                refitOnAllClips = run.Refit,
            }, ModelManifest.JsonOptions),
        };
        manifest.Write(directory);
        File.WriteAllText(Path.Combine(directory, ConfusionFile),
            ConfusionMatrixSvg.Render(report.Model.FamilyConfusion, data.Labels.Families,
                $"{name} {version}{(run.Refit is null ? "" : " (validated run)")}: family confusion on {report.Model.Clips} validation clips"));
        File.WriteAllText(Path.Combine(directory, "MODEL_CARD.md"),
            ModelCardWriter.Write(manifest, data, run, options, split, report));
    }
}

using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Baseline;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Novelty;
using GenreOrleans.Training.Reporting;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Completes a trained network into the shipped model and measures it on held-out clips: fits the
/// descriptor head on the training clips, scores the validation clips' windows as the product
/// does, chooses the window aggregation on validation, fuses with the head at the configured
/// weight, calibrates the low-confidence threshold on the fused result, fits the novelty flag
/// (unfamiliar-sounding tracks) on the training clips, and runs the baseline.
/// </summary>
public static class FoldEvaluation
{
    /// <summary>Fusion weights reported beside the configured one (for the record; the configured weight is what ships).</summary>
    private static readonly double[] ReportedWeights = [0, 0.25, 0.4, 0.5, 0.6, 0.75, 1];

    public static ValidationReport Evaluate(
        LabelMap labels, GenreLinks links, InferenceSession session, IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation,
        TrainingOptions options, Action<string> log, InferenceSession? firstNetwork = null)
    {
        var windows = ClipScorer.WindowProbabilities(session, validation.Select(c => c.Features).ToList());
        var genres = validation.Select(c => c.Genre).ToList();
        var byAggregation = new Dictionary<string, EvaluationMetrics>();
        var networkPredictions = new Dictionary<string, List<ClipPrediction>>();
        foreach (var aggregation in Enum.GetValues<ScoreAggregation>())
        {
            networkPredictions[aggregation.ToString()] = ClipScorer.Aggregate(windows, genres, labels, aggregation);
            byAggregation[aggregation.ToString()] = Metrics(networkPredictions[aggregation.ToString()], labels);
        }
        var chosen = byAggregation.MaxBy(kv => kv.Value.Score).Key;

        var (head, novelty, tempoPrior) = FitDescriptorModels(labels, links, train, options);
        var headLogProbabilities = validation.Select(c => head.LogProbabilities(c.Features.Descriptors)).ToList();
        List<ClipPrediction> Fused(double weight) => networkPredictions[chosen]
            .Select((p, i) => ClipPrediction.Of(p.TrueGenre, WithTempoPrior(tempoPrior, DescriptorHead.Fuse(p.Genres, headLogProbabilities[i], weight),
                validation[i], labels), labels)).ToList();
        var byWeight = ReportedWeights.Append(options.FusionWeight).Distinct().Order()
            .ToDictionary(w => w.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), w => Metrics(Fused(w), labels));
        var descriptorsAlone = Metrics(validation
            .Select((c, i) => ClipPrediction.Of(c.Genre, headLogProbabilities[i].Select(Math.Exp).ToArray(), labels)).ToList(), labels);

        var predictions = Fused(options.FusionWeight);
        var model = Metrics(predictions, labels);
        var threshold = LowConfidenceCalibration.Threshold(predictions);
        var unfamiliar = validation.Select(c => novelty.IsUnfamiliar(c.Features.Descriptors)).ToList();
        var (flagged, unflagged) = LowConfidenceCalibration.Effect(predictions, threshold, unfamiliar);
        var baseline = LogisticRegressionBaseline.FitAndEvaluate(train, validation, labels, options.Seed);
        log($"network alone ({chosen}): {byAggregation[chosen].Brief()}");
        log($"descriptor head alone:     {descriptorsAlone.Brief()}");
        log($"model (fused, weight {options.FusionWeight}): {model.Brief()}");
        log($"baseline:                  {baseline.Brief()}");
        var unfamiliarShare = unfamiliar.Count(u => u) / (double)Math.Max(1, unfamiliar.Count);
        log($"low confidence below {threshold:F3} or unfamiliar ({unfamiliarShare:P0} of validation clips): flags {flagged:P0}, family accuracy on the rest {unflagged:F3}");
        var report = new ValidationReport(model, chosen, byAggregation, descriptorsAlone, byWeight, head, baseline, threshold, novelty, unfamiliarShare, flagged, unflagged)
        {
            TempoFamilyPrior = tempoPrior,
            ClipScores = networkPredictions[chosen]
                .Select((p, i) => new ClipScores(p.TrueGenre, p.Genres, headLogProbabilities[i].Select(Math.Exp).ToArray(), unfamiliar[i])).ToList(),
        };
        if (firstNetwork is null)
            return report;
        var (first, firstFused) = Predictions(labels, firstNetwork, head, tempoPrior, chosen, validation);
        report = report with { FirstNetworkAlone = Metrics(first, labels), FirstNetworkFused = Metrics(firstFused, labels) };
        log($"first network alone:       {report.FirstNetworkAlone.Brief()}; fused {report.FirstNetworkFused.Brief()}");
        return report;
    }

    /// <summary>
    /// The parts fitted on the training clips' descriptor vectors: the descriptor head (its genres'
    /// weights drawn together along <paramref name="links"/>), the unfamiliar-sound measure, and the tempo
    /// prior of each family (null when <see cref="TrainingOptions.TempoPriorWeight"/> is 0).
    /// </summary>
    public static (DescriptorHead Head, DescriptorNovelty Novelty, TempoFamilyPrior? TempoPrior) FitDescriptorModels(
        LabelMap labels, GenreLinks links, IReadOnlyList<TrainingClip> train, TrainingOptions options)
    {
        var descriptors = train.Select(c => c.Features.Descriptors).ToList();
        var regression = LogisticRegression.Fit(descriptors, train.Select(c => c.Genre).ToList(), labels.GenreCount, options.Seed,
            links: links.Pairs, linkWeight: options.HeadLinkWeight);
        var novelty = NoveltyFit.Fit(descriptors, NoveltyFeatures.Indices, DescriptorVector.Version,
            options.NoveltyShrinkage, options.NoveltyFlaggedShare, options.Seed);
        var tempoPrior = options.TempoPriorWeight > 0
            ? TempoFamilyPrior.Fit(train.Select(c => (labels.Genres[c.Genre].Family, DescriptorVector.TempoBpm(c.Features.Descriptors))),
                options.TempoPriorWeight, options.TempoPriorBandwidthOctaves)
            : null;
        return (regression.ToDescriptorHead(DescriptorVector.Version, options.FusionWeight), novelty, tempoPrior);
    }

    /// <summary>The fused genres re-weighed by the clip's tempo as the product does (unchanged without a prior).</summary>
    private static double[] WithTempoPrior(TempoFamilyPrior? prior, double[] genres, TrainingClip clip, LabelMap labels) =>
        prior is null ? genres : prior.Apply(genres, labels, DescriptorVector.TempoBpm(clip.Features.Descriptors));

    /// <summary>A finished model's scores on clips, as the product computes them (see <see cref="InSampleCheck"/>).</summary>
    public static InSampleCheck InSample(
        LabelMap labels, InferenceSession session, DescriptorHead head, DescriptorNovelty novelty, TempoFamilyPrior? tempoPrior, string aggregation,
        IReadOnlyList<TrainingClip> clips)
    {
        var (_, fused) = Predictions(labels, session, head, tempoPrior, aggregation, clips);
        var unfamiliar = clips.Count(c => novelty.IsUnfamiliar(c.Features.Descriptors)) / (double)Math.Max(1, clips.Count);
        return new InSampleCheck(Metrics(fused, labels), unfamiliar);
    }

    /// <summary>Clip predictions of a finished session with one aggregation: the network's alone, and fused with the head.</summary>
    private static (List<ClipPrediction> Alone, List<ClipPrediction> Fused) Predictions(
        LabelMap labels, InferenceSession session, DescriptorHead head, TempoFamilyPrior? tempoPrior, string aggregation, IReadOnlyList<TrainingClip> clips)
    {
        var windows = ClipScorer.WindowProbabilities(session, clips.Select(c => c.Features).ToList());
        var alone = ClipScorer.Aggregate(windows, clips.Select(c => c.Genre).ToList(), labels, Enum.Parse<ScoreAggregation>(aggregation));
        var fused = alone.Select((p, i) => ClipPrediction.Of(p.TrueGenre,
            WithTempoPrior(tempoPrior, head.Fuse(p.Genres, clips[i].Features.Descriptors), clips[i], labels), labels)).ToList();
        return (alone, fused);
    }

    private static EvaluationMetrics Metrics(IReadOnlyList<ClipPrediction> predictions, LabelMap labels) =>
        EvaluationMetrics.Compute(predictions, labels.GenreCount, labels.FamilyCount);
}

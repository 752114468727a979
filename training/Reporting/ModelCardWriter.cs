using System.Globalization;
using System.Text;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Reporting;

/// <summary>Writes MODEL_CARD.md from the numbers of a training run (nothing in it is typed by hand).</summary>
public static class ModelCardWriter
{
    public static string Write(
        ModelManifest manifest, PreparedDataset data, TrainingRun run, TrainingOptions options, SplitDescription split, ValidationReport report)
    {
        var card = new StringBuilder();
        void Line(string text = "") => card.Append(text).Append('\n');
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        string Row(string name, EvaluationMetrics m) =>
            $"| {name} | {F(m.GenreTop1)} | {F(m.GenreTop5)} | {F(m.FamilyTop1)} | {F(m.GenreMacroF1)} | {F(m.GenreEce)} |";

        Line($"# Model card: {manifest.Name} {manifest.Version}");
        Line();
        Line("## What it does");
        Line($"Scores ~{manifest.Window.FramesPerWindow * manifest.Window.SecondsPerFrame:F0} s log-mel windows ({manifest.Window.MelBands} bands x {manifest.Window.FramesPerWindow} frames, " +
             $"{manifest.Window.SampleRate} Hz, hop {manifest.Window.HopLength}) of a track into {data.Labels.GenreCount} genres " +
             $"of Ishkur's Guide v2.5 and their {data.Labels.FamilyCount} families; the track distribution is the " +
             $"{manifest.Aggregation} over its windows (chosen on validation), fused with a descriptor head " +
             $"(log-linear pool p ∝ p_windows^{1 - report.DescriptorHead.FusionWeight} × p_head^{report.DescriptorHead.FusionWeight}): a logistic regression on the whole track's " +
             $"{report.DescriptorHead.Version} vector (librosa-style feature summary, tempo bins, rhythm profile, fluctuation pattern)" +
             (data.Links.Pairs.Count > 0 && options.HeadLinkWeight > 0
                 ? $", fitted with the weights of genres the guide links drawn together ({data.Links.Pairs.Count} links, weight {options.HeadLinkWeight.ToString(CultureInfo.InvariantCulture)}). "
                 : ". ") +
             (manifest.AllWeightsFiles.Count == 1 ? "Network: " : $"{manifest.AllWeightsFiles.Count} networks whose window probabilities are averaged: ") +
             DescribeShape(manifest.Network) +
             (manifest.EnsembleNetworks is { Count: > 0 } others ? $"; the last one instead {DescribeShape(others[^1])}" : "") +
             (manifest.AllWeightsFiles.Count == 1 ? ", summary-feature branch" : ", each with a summary-feature branch") +
             (data.Links.Pairs.Count > 0 && options.NetworkLinkWeight > 0
                 ? $", genre layer trained with the same links drawing related genres' weights together (weight {options.NetworkLinkWeight.ToString(CultureInfo.InvariantCulture)})"
                 : "") +
             "; family = sum of genre probabilities.");
        Line();
        Line("## Data");
        Line($"- Training manifest: `ishkur-v2.5-audio/manifest.csv`, {data.Manifest.Clips.Count} clips, " +
             $"sha256 `{data.Manifest.Sha256}`. 1 to 9 clips per genre, mostly 6–30 s MP3 excerpts of 1970s–2000s tracks.");
        Line($"- Split: {split.Method}, {split.Folds} folds, validation fold {split.ValidationFold}, seed {split.Seed}: " +
             $"{split.TrainClips} training clips, {split.ValidationClips} validation clips (all windows of a clip on one side). " +
             "Genres with one clip can land entirely in validation; they count as errors.");
        if (run.Refit is { } refit)
            Line($"- **The shipped weights were refit on all {refit.Clips} clips** after this validated run: each network trained again from its seed " +
                 $"with the validated run's learning rate per epoch, up to its best epoch ({string.Join(", ", refit.Epochs)}), keeping the last weights; " +
                 "the descriptor head and the unfamiliar-sound measure refit on all clips; the aggregation and the low-confidence threshold are the validated run's. " +
                 "Every figure below is the validated run's, on clips it did not train on: the shipped weights have seen those clips, so they " +
                 $"cannot be measured on them (`training evaluate` says so), and with {(refit.Clips - split.TrainClips) / (double)split.TrainClips:P0} more clips they should do somewhat better on new clips.");
        Line($"- Features: {FeatureCache.FeatureVersion} (our own decoder, resampler and log-mel; summary = per-band mean and deviation of the log-mel; " +
             $"descriptor head: {Analysis.Pipeline.DescriptorVector.Length} values of {Analysis.Pipeline.DescriptorVector.Version}, from the product's TempoKeyReader).");
        Line();
        Line("## Numbers on the validation clips (clip level)");
        Line();
        Line("| model | genre top-1 | genre top-5 | family top-1 | genre macro-F1 | genre ECE |");
        Line("|---|---|---|---|---|---|");
        Line(Row($"this model (network {manifest.Aggregation} + descriptor head, weight {report.DescriptorHead.FusionWeight})", report.Model));
        foreach (var (name, m) in report.ByAggregation)
            Line(Row($"network alone, aggregation {name}", m));
        Line(Row("descriptor head alone", report.DescriptorHeadAlone));
        foreach (var (weight, m) in report.ByFusionWeight)
            Line(Row($"fused at weight {weight} (not used to choose)", m));
        Line(Row("baseline: librosa-style summary features + logistic regression", report.Baseline));
        Line();
        Line("Goals from issue 9: genre top-1 >= 0.42, top-5 >= 0.72, family >= 0.80.");
        Line();
        Line($"Family confusion matrix: [{ModelExporter.ConfusionFile}]({ModelExporter.ConfusionFile}).");
        Line();
        Line($"Low-confidence flag: top family probability below {F(report.LowConfidenceThreshold)} " +
             $"(calibrated on validation: where a logistic fit of the family answer's correctness on the log-odds of that probability crosses one half), " +
             $"or an unfamiliar sound: the Mahalanobis distance of {report.Novelty.Length} of the track's timbre statistics (those that do not mostly measure the bandwidth near 11 kHz) " +
             $"from the training clips above {F(report.Novelty.Threshold)}, the distance that {F(options.NoveltyFlaggedShare)} of unseen training clips exceed " +
             $"(inner 5-fold split of the training clips; covariance shrunk by {F(options.NoveltyShrinkage)} towards the identity). " +
             $"{F(report.UnfamiliarShare)} of the validation clips sound unfamiliar; both rules together flag {F(report.LowConfidenceFlaggedShare)} of them, " +
             $"and family accuracy on the rest is {F(report.FamilyAccuracyUnflagged)}.");
        Line();
        Line("## Training");
        Line(run.BestEpochs.Count > 1
            ? $"- An ensemble of {run.BestEpochs.Count} networks from seeds {options.Seed} + 1000 k, window probabilities averaged" +
              (options.Partner is { } partner ? $" (the last one of another shape: {partner})" : ", all of one shape") + "; " +
              $"best epochs {string.Join(", ", run.BestEpochs)} (early stopping on validation, patience {options.Patience}); " +
              $"{run.Elapsed.TotalMinutes:F1} min in all on {Hardware(run, options)}."
            : $"- {run.History.Count} epochs run, best epoch {run.BestEpoch} (early stopping on validation, patience {options.Patience}); " +
              $"{run.Elapsed.TotalMinutes:F1} min on {Hardware(run, options)}.");
        if (run.Refit is { } refitRun)
            Line($"- Refit on all clips: {string.Join(", ", refitRun.Epochs)} epoch(s), final training loss {refitRun.FinalLoss:F3}, {refitRun.Elapsed.TotalMinutes:F1} min.");
        Line($"- {(options.DecoupledWeightDecay ? "AdamW" : "Adam")} (lr {options.LearningRate}, cosine decay, weight decay {options.WeightDecay}), cross-entropy with label smoothing " +
             $"{options.LabelSmoothing} plus {options.FamilyLossWeight} x family NLL" +
             (options.FamilyWarmupEpochs > 0 ? $" (the first {options.FamilyWarmupEpochs} epochs on the family NLL alone)" : "") +
             $", {options.WindowsPerGenre} random crops per genre per epoch " +
             $"(class balanced), batch {options.BatchSize}, seed {options.Seed}; the summary input is zeroed for {options.SummaryDropout:P0} " +
             $"of training windows and noised (σ {options.SummaryNoise}) for the rest, so clips cannot be recognised by it.");
        Line(options.Augment
            ? "- Augmentation: gain ±6 dB, random EQ tilt and bump, band limit 5.5–11 kHz (p 0.3), compression of band dynamics (p 0.3), " +
              (options.LimiterProbability > 0 ? $"broadband limiter with make-up gain 4–14 dB (p {options.LimiterProbability}), " : "") +
              (options.TempoStretch > 0 ? $"tempo ±{options.TempoStretch:P0} (window stretched along time), " : "") +
              (options.PitchShiftSemitones > 0 ? $"pitch ±{options.PitchShiftSemitones} semitones (bands re-read at shifted frequencies), " : "") +
              "time and frequency masks (p 0.5)."
            : "- No augmentation.");
        if (manifest.Network.StandardiseWindows)
            Line("- Each window is standardised inside the network (per-band mean removed, divided by the window's deviation).");
        Line($"- Weights: {string.Join(", ", manifest.AllWeightsFiles.Select(f => $"`{f}`"))} (TorchSharp format), {CountParameters(run)} parameters" +
             (manifest.AllWeightsFiles.Count > 1 ? " in all." : "."));
        Line();
        Line("## Known weaknesses");
        Line("- Very little data: 1–9 clips per genre; a single validation split of this size moves by about ±0.04.");
        Line("- The clips are mostly 1970s–2000s excerpts; modern productions (louder masters, wider bandwidth) differ. " +
             "Augmentation imitates other sources, but the model has not been measured on modern music here.");
        Line("- Neighbouring genres inside a family (e.g. the many house sub-genres) are often confused; the family is more reliable than the genre.");
        Line("- Non-electronic music is outside the label set. The unfamiliar-sound rule catches the part whose timbre lies far from " +
             "the training clips (on GTZAN about a third: classical, blues, country, jazz most often); music whose timbre is close to " +
             "electronic music (disco, hip hop, pop) mostly passes.");
        Line("- The network's summary branch sees spectral statistics only; tempo and rhythm reach the result through the descriptor head, " +
             "whose tempo inherits the tempo estimator's octave errors.");
        return card.ToString();
    }

    /// <summary>Marks the paragraph after the low-confidence rule's in MODEL_CARD.md (one per card; a new calibration replaces it).</summary>
    public const string CalibrationMarker = "Recalibrated threshold";

    /// <summary>
    /// After <c>calibrate</c>: retitles the card with the new version and states the recalibrated threshold
    /// right after the rule it replaces (the figures above it stay the validated run's).
    /// </summary>
    public static void RecordCalibration(string modelDirectory, string name, string version, PooledThreshold calibration, int folds)
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        var path = Path.Combine(modelDirectory, "MODEL_CARD.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        lines.RemoveAll(l => l.StartsWith(CalibrationMarker, StringComparison.Ordinal));
        var paragraph = $"{CalibrationMarker} ({version}, `training calibrate`): the low-confidence threshold is now {F(calibration.Threshold)}, " +
                        $"where a logistic fit of the family answer's correctness on the log-odds of the top family probability crosses one half " +
                        $"on the {calibration.Clips} out-of-fold clips of a {folds}-fold cross-validation of this recipe " +
                        $"(fused at weight {calibration.FusionWeight.ToString("0.##", CultureInfo.InvariantCulture)}) instead of one validation fold; " +
                        $"there, with the unfamiliar-sound rule, it flags {F(calibration.FlaggedShare)} of the clips and family accuracy on the rest is " +
                        $"{F(calibration.FamilyAccuracyUnflagged)}. The validation figures above are unchanged.";
        var rule = lines.FindIndex(l => l.StartsWith("Low-confidence flag:", StringComparison.Ordinal));
        if (rule >= 0)
            lines.InsertRange(rule + 1, ["", paragraph]);
        else
            lines.AddRange(["", paragraph]);
        // Collapse the blank line doubled where an earlier paragraph was removed.
        for (var i = lines.Count - 1; i > 0; i--)
        {
            if (lines[i].Length == 0 && lines[i - 1].Length == 0)
                lines.RemoveAt(i);
        }
        if (lines.Count > 0 && lines[0].StartsWith("# Model card:", StringComparison.Ordinal))
            lines[0] = $"# Model card: {name} {version}";
        else
            lines.Insert(0, $"# Model card: {name} {version}");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    private static string DescribeShape(NetworkOptions network) =>
        (network.FrontEnd == ConvFrontEnd.FullResolution
            ? $"five full-resolution 3x3 conv blocks ({string.Join('/', GenreNetwork.FullResolutionChannels(network))} channels), "
            : $"conv front end (3 blocks, {network.ConvChannels1}/{network.ConvChannels2}/{network.ConvChannels3} channels), ") +
        (network.Recurrent ? $"bidirectional GRU ({network.GruHidden} per direction) over time" : "frame embeddings mean- and max-pooled over time");

    private static long CountParameters(TrainingRun run) =>
        run.Session.Networks.Sum(n => n.parameters().Sum(p => p.numel()));

    /// <summary>Where the run trained, as the card's timings need it said.</summary>
    private static string Hardware(TrainingRun run, TrainingOptions options) =>
        run.Session.Device.type == TorchSharp.DeviceType.CUDA ? "a CUDA GPU" : $"{options.Threads} CPU threads";
}

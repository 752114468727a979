using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Trains a <see cref="GenreNetwork"/> on cached clip features: class-balanced random crops,
/// augmentation, Adam with a cosine learning-rate decay, label-smoothed cross-entropy on genres
/// plus a family term on the summed genre probabilities, and early stopping on the validation
/// clips' score (scored through <see cref="InferenceSession"/>, as the product scores them).
/// </summary>
public sealed class GenreTrainer
{
    private readonly TrainingOptions _options;
    private readonly LabelMap _labels;
    private readonly WindowParameters _window;
    private readonly Action<string> _log;

    // Explicit Scalars held while they are used (see GenreNetwork): an implicit one, such as the
    // alpha 1 of Tensor.add or a double turned into a Scalar, can be finalised mid-call.
    private static readonly Scalar One = 1.ToScalar();
    private static readonly Scalar ProbabilityFloor = 1e-7.ToScalar();

    public GenreTrainer(TrainingOptions options, LabelMap labels, WindowParameters window, Action<string> log)
    {
        _options = options;
        _labels = labels;
        _window = window;
        _log = log;
    }

    /// <param name="member">Which network of an ensemble this is: member k draws from seed + 1000 k.</param>
    public TrainingRun Train(IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, string modelVersion, int member = 0)
    {
        var seed = _options.Seed + 1000 * member;
        torch.set_num_threads(_options.Threads);
        torch.manual_seed(seed);
        var random = new Random(seed);
        var augmenter = new SpectrogramAugmenter(_window.MelBands, _window.SampleRate, seed + 1, _options.LimiterProbability, _window.HopLength);
        var melScaler = FitMelScaler(train);
        var summaryScaler = FeatureScaler.Fit(train.Select(c => c.Features.Summary).ToList());
        var summaryLength = summaryScaler.Length;
        var network = new GenreNetwork(new NetworkOptions(_window.MelBands, _window.FramesPerWindow, summaryLength, _labels.GenreCount, Recurrent: _options.Recurrent, FrontEnd: _options.FrontEnd, StandardiseWindows: _options.StandardiseWindows));
        var session = new InferenceSession([network], _labels, _window, melScaler, summaryScaler, modelVersion, CPU);
        using var membership = GenreNetwork.FamilyMembership(_labels, CPU);
        using var optimizer = optim.Adam(network.parameters(), _options.LearningRate, weight_decay: _options.WeightDecay);

        var byGenre = train.Select((c, i) => (c.Genre, i)).GroupBy(x => x.Genre).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var validationFeatures = validation.Select(c => c.Features).ToList();
        var validationGenres = validation.Select(c => c.Genre).ToList();
        int bands = _window.MelBands, frames = _window.FramesPerWindow, windowSize = bands * frames;

        var history = new List<EpochRecord>();
        Dictionary<string, Tensor>? best = null;
        var bestScore = double.NegativeInfinity;
        var bestEpoch = 0;
        var clock = Stopwatch.StartNew();
        var plannedEpochs = _options.Epochs;
        for (var epoch = 1; epoch <= plannedEpochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var lr = _options.LearningRate * (0.05 + 0.95 * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / plannedEpochs)));
            foreach (var group in optimizer.ParamGroups)
                group.LearningRate = lr;

            var samples = byGenre.SelectMany(g => Enumerable.Range(0, _options.WindowsPerGenre).Select(_ => g.Value[random.Next(g.Value.Length)])).ToArray();
            random.Shuffle(samples);
            network.train();
            double lossSum = 0;
            var batches = 0;
            var mel = new float[_options.BatchSize * windowSize];
            var summary = new float[_options.BatchSize * summaryLength];
            var rawSummary = new float[summaryLength];
            for (var start = 0; start < samples.Length; start += _options.BatchSize)
            {
                var count = Math.Min(_options.BatchSize, samples.Length - start);
                if (count < 2)
                    break; // batch norm needs more than one window
                var targets = new long[count];
                var familyTargets = new long[count];
                for (var b = 0; b < count; b++)
                {
                    var clip = train[samples[start + b]];
                    var clipMel = clip.Features.Mel;
                    var crop = clipMel.Columns > frames ? random.Next(clipMel.Columns - frames + 1) : random.Next(Math.Max(1, clipMel.Columns));
                    var window = mel.AsSpan(b * windowSize, windowSize);
                    WindowSlicer.CopyWindow(clipMel, crop, frames, window);
                    clip.Features.Summary.CopyTo(rawSummary, 0);
                    if (_options.Augment)
                        augmenter.Apply(window, rawSummary, bands, frames);
                    melScaler.TransformRows(window, window, frames);
                    var windowSummary = summary.AsSpan(b * summaryLength, summaryLength);
                    summaryScaler.TransformInto(rawSummary, windowSummary);
                    if (random.NextDouble() < _options.SummaryDropout)
                        windowSummary.Clear();
                    else if (_options.SummaryNoise > 0)
                        AddNoise(windowSummary, random, _options.SummaryNoise);
                    targets[b] = clip.Genre;
                    familyTargets[b] = _labels.FamilyOfGenre[clip.Genre];
                }

                using var scope = NewDisposeScope();
                var melTensor = tensor(mel.AsSpan(0, count * windowSize).ToArray(), new long[] { count, bands, frames });
                var summaryTensor = tensor(summary.AsSpan(0, count * summaryLength).ToArray(), new long[] { count, summaryLength });
                var genreTarget = tensor(targets);
                var familyTarget = tensor(familyTargets);
                var mix = _options.MixupAlpha > 0 ? RandomSamples.Beta(random, _options.MixupAlpha) : 1.0;
                var partner = mix < 1.0 ? randperm(count) : null;
                if (partner is not null)
                {
                    melTensor = Mix(melTensor, melTensor.index_select(0, partner), mix);
                    summaryTensor = Mix(summaryTensor, summaryTensor.index_select(0, partner), mix);
                }
                var logits = network.call(melTensor, summaryTensor);
                var familyLogProbabilities = GenreNetwork.FamilyProbabilities(logits.softmax(1), membership).clamp_min(ProbabilityFloor).log();
                var loss = Loss(logits, familyLogProbabilities, genreTarget, familyTarget);
                if (partner is not null)
                    loss = Mix(loss, Loss(logits, familyLogProbabilities, genreTarget.index_select(0, partner), familyTarget.index_select(0, partner)), mix);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                batches++;
                if (epoch == 1 && batches == 5)
                    _log($"  first 5 batches of {count} windows: {epochClock.Elapsed.TotalSeconds:F1} s");
            }

            network.eval();
            var metrics = Evaluate(session, validationFeatures, validationGenres, ScoreAggregation.MeanProbability);
            var record = new EpochRecord(epoch, lossSum / Math.Max(1, batches), metrics.Score, metrics.GenreTop1, metrics.FamilyTop1, epochClock.Elapsed.TotalSeconds);
            history.Add(record);
            _log($"epoch {epoch,3}  lr {lr:F5}  loss {record.Loss:F3}  val {metrics.Brief()}  ({record.Seconds:F0} s)");
            if (metrics.Score > bestScore)
            {
                bestScore = metrics.Score;
                bestEpoch = epoch;
                DisposeAll(best);
                best = network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
            else if (epoch - bestEpoch >= _options.Patience)
            {
                _log($"early stop: no improvement since epoch {bestEpoch}");
                break;
            }
            // The cosine decay should reach its end when training does: when the time budget,
            // not the epoch count, is the limit, shrink the schedule to the epochs that fit in it.
            plannedEpochs = PlannedEpochs(epoch, clock.Elapsed.TotalMinutes);
        }
        if (best is not null)
        {
            network.load_state_dict(best);
            DisposeAll(best);
        }
        network.eval();
        return new TrainingRun(session, history, bestEpoch, clock.Elapsed);
    }

    private Tensor Loss(Tensor logits, Tensor familyLogProbabilities, Tensor genreTarget, Tensor familyTarget)
    {
        using var familyWeight = _options.FamilyLossWeight.ToScalar();
        return nn.functional.cross_entropy(logits, genreTarget, label_smoothing: _options.LabelSmoothing)
            .add(nn.functional.nll_loss(familyLogProbabilities, familyTarget).mul(familyWeight), One);
    }

    /// <summary><c>share · a + (1 − share) · b</c> (mixup), with its Scalars held until the result exists.</summary>
    private static Tensor Mix(Tensor a, Tensor b, double share)
    {
        using var first = share.ToScalar();
        using var second = (1 - share).ToScalar();
        return a.mul(first).add(b.mul(second), One);
    }

    private int PlannedEpochs(int epochsDone, double minutesSoFar)
    {
        var minutesPerEpoch = minutesSoFar / epochsDone;
        var fit = epochsDone + (int)Math.Floor((_options.MaxMinutes - minutesSoFar) / minutesPerEpoch);
        return Math.Clamp(fit, epochsDone, _options.Epochs);
    }

    public EvaluationMetrics Evaluate(InferenceSession session, IReadOnlyList<Data.ClipFeatures> clips, IReadOnlyList<int> genres, ScoreAggregation aggregation)
    {
        var windows = ClipScorer.WindowProbabilities(session, clips);
        return EvaluationMetrics.Compute(ClipScorer.Aggregate(windows, genres, _labels, aggregation), _labels.GenreCount, _labels.FamilyCount);
    }

    private FeatureScaler FitMelScaler(IReadOnlyList<TrainingClip> train)
    {
        var bands = _window.MelBands;
        var sum = new double[bands];
        var square = new double[bands];
        long frames = 0;
        foreach (var clip in train)
        {
            var mel = clip.Features.Mel;
            for (var b = 0; b < bands; b++)
            {
                foreach (var v in mel.Row(b))
                {
                    sum[b] += v;
                    square[b] += (double)v * v;
                }
            }
            frames += mel.Columns;
        }
        var mean = new float[bands];
        var deviation = new float[bands];
        for (var b = 0; b < bands; b++)
        {
            var mu = sum[b] / frames;
            mean[b] = (float)mu;
            deviation[b] = (float)Math.Sqrt(Math.Max(1e-6, square[b] / frames - mu * mu));
        }
        return new FeatureScaler(mean, deviation);
    }

    private static void AddNoise(Span<float> values, Random random, double deviation)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] += (float)(deviation * RandomSamples.StandardNormal(random));
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null)
            return;
        foreach (var t in tensors.Values)
            t.Dispose();
    }
}

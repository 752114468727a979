using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Evaluation;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Trains a <see cref="GenreNetwork"/> on cached clip features (<see cref="EpochRunner"/>: class-balanced
/// random crops, augmentation, Adam, label-smoothed cross-entropy on genres plus a family term on the
/// summed genre probabilities) with a cosine learning-rate decay fitted to the time budget and early
/// stopping on the validation clips' score (scored through <see cref="InferenceSession"/>, as the
/// product scores them); or replays such a run's learning rates on other clips (<see cref="Refit"/>).
/// </summary>
public sealed class GenreTrainer
{
    private readonly TrainingOptions _options;
    private readonly LabelMap _labels;
    private readonly WindowParameters _window;
    private readonly Action<string> _log;
    private readonly IReadOnlyList<(int First, int Second)> _links;

    /// <param name="links">Related genres whose genre-layer weights <see cref="TrainingOptions.NetworkLinkWeight"/> draws together.</param>
    public GenreTrainer(TrainingOptions options, LabelMap labels, WindowParameters window, Action<string> log,
        IReadOnlyList<(int First, int Second)>? links = null)
    {
        _options = options;
        _links = links ?? [];
        _labels = labels;
        _window = window;
        _log = log;
    }

    /// <param name="member">Which network of an ensemble this is: member k draws from seed + 1000 k.</param>
    public TrainingRun Train(IReadOnlyList<TrainingClip> train, IReadOnlyList<TrainingClip> validation, string modelVersion, int member = 0)
    {
        using var runner = new EpochRunner(_options, _labels, _window, train, _options.Seed + 1000 * member, modelVersion, _links);
        var validationFeatures = validation.Select(c => c.Features).ToList();
        var validationGenres = validation.Select(c => c.Genre).ToList();
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
            var loss = runner.RunEpoch(lr, epoch == 1 ? batches => LogFirstBatches(batches, epochClock) : null);
            var metrics = Evaluate(runner.Session, validationFeatures, validationGenres, ScoreAggregation.MeanProbability);
            var record = new EpochRecord(epoch, loss, metrics.Score, metrics.GenreTop1, metrics.FamilyTop1, epochClock.Elapsed.TotalSeconds) { LearningRate = lr };
            history.Add(record);
            _log($"epoch {epoch,3}  lr {lr:F5}  loss {record.Loss:F3}  val {metrics.Brief()}  ({record.Seconds:F0} s)");
            if (metrics.Score > bestScore)
            {
                bestScore = metrics.Score;
                bestEpoch = epoch;
                DisposeAll(best);
                best = runner.Network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
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
            runner.Network.load_state_dict(best);
            DisposeAll(best);
        }
        runner.Network.eval();
        return new TrainingRun(runner.Session, history, bestEpoch, clock.Elapsed);
    }

    /// <summary>
    /// Trains a fresh network on <paramref name="clips"/> with exactly the given learning rate per
    /// epoch (a validated run's, up to its best epoch) and keeps the last weights: no clip is held
    /// out, so nothing can choose an epoch. The history has no validation scores.
    /// </summary>
    public TrainingRun Refit(IReadOnlyList<TrainingClip> clips, IReadOnlyList<double> learningRates, string modelVersion, int member = 0)
    {
        using var runner = new EpochRunner(_options, _labels, _window, clips, _options.Seed + 1000 * member, modelVersion, _links);
        var history = new List<EpochRecord>();
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= learningRates.Count; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var loss = runner.RunEpoch(learningRates[epoch - 1]);
            history.Add(new EpochRecord(epoch, loss, null, null, null, epochClock.Elapsed.TotalSeconds) { LearningRate = learningRates[epoch - 1] });
            _log($"refit epoch {epoch,3} of {learningRates.Count}  lr {learningRates[epoch - 1]:F5}  loss {loss:F3}  ({epochClock.Elapsed.TotalSeconds:F0} s)");
        }
        return new TrainingRun(runner.Session, history, learningRates.Count, clock.Elapsed);
    }

    private void LogFirstBatches(int batches, Stopwatch epochClock)
    {
        if (batches == 5)
            _log($"  first 5 batches of {_options.BatchSize} windows: {epochClock.Elapsed.TotalSeconds:F1} s");
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

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null)
            return;
        foreach (var t in tensors.Values)
            t.Dispose();
    }
}

using GenreOrleans.Analysis.Model;
using System.Runtime;
using GenreOrleans.Analysis.Pipeline;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Training;

/// <summary>
/// One network being fitted: its scalers (fitted on the training clips), optimizer, augmenter
/// and random crops. <see cref="RunEpoch"/> trains one epoch at a given learning rate; the caller
/// decides the schedule and when to stop (<see cref="GenreTrainer"/>: early stopping on validation,
/// or a replay of a validated run's learning rates on all clips). The session it builds outlives it.
/// </summary>
internal sealed class EpochRunner : IDisposable
{
    // Explicit Scalars held while they are used (see GenreNetwork): an implicit one, such as the
    // alpha 1 of Tensor.add or a double turned into a Scalar, can be finalised mid-call.
    private static readonly Scalar One = 1.ToScalar();
    private static readonly Scalar ProbabilityFloor = 1e-7.ToScalar();

    private readonly TrainingOptions _options;
    private readonly LabelMap _labels;
    private readonly WindowParameters _window;
    private readonly IReadOnlyList<TrainingClip> _train;
    private readonly Random _random;
    private readonly SpectrogramAugmenter _augmenter;
    private readonly Random _warpRandom;
    private readonly TempoStretchCrop _stretch;
    private readonly MelPitchShifter _pitchShifter;
    private readonly Dictionary<int, int[]> _clipsByGenre;
    private readonly Tensor _membership;
    private readonly TorchSharp.Modules.OptimizerHelper _optimizer;
    private readonly TorchSharp.Modules.OptimizerHelper? _peerOptimizer;
    private readonly float[] _mel;
    private readonly float[] _summary;
    private readonly float[] _rawSummary;
    private readonly LinkPenalty? _linkPenalty;
    private readonly Device _device;
    private int _epochsRun;

    /// <summary>Managed bytes a batch may allocate without a collection (it allocates ~2.5 MB: the window tensor's copy and small objects).</summary>
    private const long BatchAllocationBudget = 32L << 20;

    public EpochRunner(TrainingOptions options, LabelMap labels, WindowParameters window, IReadOnlyList<TrainingClip> train, int seed, string modelVersion,
        IReadOnlyList<(int First, int Second)>? links = null)
    {
        _options = options;
        _labels = labels;
        _window = window;
        _train = train;
        torch.set_num_threads(options.Threads);
        torch.manual_seed(seed);
        _random = new Random(seed);
        _augmenter = new SpectrogramAugmenter(window.MelBands, window.SampleRate, seed + 1, options.LimiterProbability, window.HopLength,
            options.EqTiltDb, options.CompressionShare);
        // Tempo and pitch draw from their own generator, so that turning them on leaves every other
        // draw (crop positions, augmentation, summary dropout) as it was: a paired comparison.
        _warpRandom = new Random(seed + 2);
        _stretch = new TempoStretchCrop(window.MelBands, window.FramesPerWindow, 1 + options.TempoStretch);
        _pitchShifter = new MelPitchShifter(window.MelBands, window.FramesPerWindow, window.SampleRate);
        var melScaler = MelBandScaler.Fit(train, window.MelBands);
        var summaryScaler = FeatureScaler.Fit(train.Select(c => c.Features.Summary).ToList());
        var shape = options.NetworkShape(window, summaryScaler.Length, labels.GenreCount);
        _device = options.TorchDevice();
        Network = new GenreNetwork(shape);
        // The session moves the network to the device, before the optimizer takes its parameters.
        Session = new InferenceSession([Network], labels, window, melScaler, summaryScaler, modelVersion, _device);
        if (options.MutualWeight > 0)
        {
            // Created after the network, from the same generator: another initialisation, the same batches.
            Peer = new GenreNetwork(shape);
            Peer.to(_device);
            _peerOptimizer = CreateOptimizer(Peer, options);
        }
        _membership = GenreNetwork.FamilyMembership(labels, _device);
        _optimizer = CreateOptimizer(Network, options);
        _clipsByGenre = train.Select((c, i) => (c.Genre, i)).GroupBy(x => x.Genre).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        _mel = new float[options.BatchSize * window.MelBands * window.FramesPerWindow];
        _summary = new float[options.BatchSize * summaryScaler.Length];
        _rawSummary = new float[summaryScaler.Length];
        _linkPenalty = LinkPenalty.Create(links, options.NetworkLinkWeight, _device);
    }

    public GenreNetwork Network { get; }

    /// <summary>
    /// The network trained beside <see cref="Network"/> when <see cref="TrainingOptions.MutualWeight"/> is
    /// set (deep mutual learning): same batches, each also fitted to the other's distribution. Not kept.
    /// </summary>
    public GenreNetwork? Peer { get; }

    /// <summary>The network behind the product's scoring path (scalers included); not disposed with the runner.</summary>
    public InferenceSession Session { get; }

    // Adam folds the weight decay into the gradient, where its adaptive scaling all but cancels it for
    // rarely updated weights; AdamW shrinks every weight by the same share per step.
    private static TorchSharp.Modules.OptimizerHelper CreateOptimizer(GenreNetwork network, TrainingOptions options) => options.DecoupledWeightDecay
        ? optim.AdamW(network.parameters(), options.LearningRate, weight_decay: options.WeightDecay)
        : optim.Adam(network.parameters(), options.LearningRate, weight_decay: options.WeightDecay);

    /// <summary>Trains one epoch of class-balanced random crops at <paramref name="learningRate"/>; returns the mean loss. Leaves the network in evaluation mode.</summary>
    public double RunEpoch(double learningRate, Action<int>? afterBatch = null)
    {
        foreach (var group in _optimizer.ParamGroups.Concat(_peerOptimizer?.ParamGroups ?? []))
            group.LearningRate = learningRate;
        _epochsRun++;
        var samples = _clipsByGenre.SelectMany(g => Enumerable.Range(0, _options.WindowsPerGenre).Select(_ => g.Value[_random.Next(g.Value.Length)])).ToArray();
        _random.Shuffle(samples);
        Network.train();
        Peer?.train();
        double lossSum = 0;
        var batches = 0;
        for (var start = 0; start < samples.Length; start += _options.BatchSize)
        {
            var count = Math.Min(_options.BatchSize, samples.Length - start);
            if (count < 2)
                break; // batch norm needs more than one window
            lossSum += RunBatch(samples.AsSpan(start, count));
            batches++;
            afterBatch?.Invoke(batches);
        }
        Network.eval();
        Peer?.eval();
        return lossSum / Math.Max(1, batches);
    }

    private double RunBatch(ReadOnlySpan<int> batch)
    {
        // TorchSharp turns numbers into Scalars implicitly inside its own code too (BatchNorm's
        // num_batches_tracked.add_(1), Adam's alphas), and a Scalar's finaliser frees its native
        // value: a collection during the call can free one while libtorch reads it ("Unknown scalar
        // type" in BatchNorm ended a 30-minute run). No collection runs inside this region, so none
        // can be finalised mid-call; the heap is collected between batches instead.
        var noCollection = GC.TryStartNoGCRegion(BatchAllocationBudget);
        try
        {
            return RunBatchUncollected(batch);
        }
        finally
        {
            if (noCollection && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
        }
    }

    private double RunBatchUncollected(ReadOnlySpan<int> batch)
    {
        int bands = _window.MelBands, frames = _window.FramesPerWindow, windowSize = bands * frames, summaryLength = _rawSummary.Length;
        var count = batch.Length;
        var targets = new long[count];
        var familyTargets = new long[count];
        for (var b = 0; b < count; b++)
        {
            var clip = _train[batch[b]];
            var clipMel = clip.Features.Mel;
            var rate = _options.Augment && _options.TempoStretch > 0 ? 1 + _options.TempoStretch * (2 * _warpRandom.NextDouble() - 1) : 1.0;
            var sourceFrames = TempoStretchCrop.SourceFrames(frames, rate);
            var crop = clipMel.Columns > sourceFrames ? _random.Next(clipMel.Columns - sourceFrames + 1) : _random.Next(Math.Max(1, clipMel.Columns));
            var window = _mel.AsSpan(b * windowSize, windowSize);
            if (sourceFrames == frames)
                WindowSlicer.CopyWindow(clipMel, crop, frames, window);
            else
                _stretch.Copy(clipMel, crop, sourceFrames, window, frames);
            clip.Features.Summary.CopyTo(_rawSummary, 0);
            if (_options.Augment && _options.PitchShiftSemitones > 0)
                _pitchShifter.Apply(window, _rawSummary, frames, _options.PitchShiftSemitones * (2 * _warpRandom.NextDouble() - 1));
            if (_options.Augment)
                _augmenter.Apply(window, _rawSummary, bands, frames);
            Session.MelScaler.TransformRows(window, window, frames);
            var windowSummary = _summary.AsSpan(b * summaryLength, summaryLength);
            Session.SummaryScaler.TransformInto(_rawSummary, windowSummary);
            if (_random.NextDouble() < _options.SummaryDropout)
                windowSummary.Clear();
            else if (_options.SummaryNoise > 0)
                AddNoise(windowSummary, _random, _options.SummaryNoise);
            targets[b] = clip.Genre;
            familyTargets[b] = _labels.FamilyOfGenre[clip.Genre];
        }

        using var scope = NewDisposeScope();
        var melTensor = tensor(_mel.AsSpan(0, count * windowSize).ToArray(), new long[] { count, bands, frames }, device: _device);
        var summaryTensor = tensor(_summary.AsSpan(0, count * summaryLength).ToArray(), new long[] { count, summaryLength }, device: _device);
        var genreTarget = tensor(targets, device: _device);
        var familyTarget = tensor(familyTargets, device: _device);
        var mix = _options.MixupAlpha > 0 ? RandomSamples.Beta(_random, _options.MixupAlpha) : 1.0;
        var partner = mix < 1.0 ? randperm(count, device: _device) : null;
        if (partner is not null)
        {
            melTensor = Mix(melTensor, melTensor.index_select(0, partner), mix);
            summaryTensor = Mix(summaryTensor, summaryTensor.index_select(0, partner), mix);
        }
        var logits = Network.call(melTensor, summaryTensor);
        var loss = BatchLoss(Network, logits, genreTarget, familyTarget, partner, mix);
        var total = loss;
        if (Peer is not null)
        {
            // Deep mutual learning: each network also learns the other's answer on the same windows as a
            // soft target (detached, so each gradient reaches its own network only). Two networks that err
            // differently teach each other what an ensemble of them would know, and only one is kept.
            var peerLogits = Peer.call(melTensor, summaryTensor);
            var peerLoss = BatchLoss(Peer, peerLogits, genreTarget, familyTarget, partner, mix);
            using var mutualWeight = _options.MutualWeight.ToScalar();
            loss = loss.add(Divergence(peerLogits.detach(), logits).mul(mutualWeight), One);
            peerLoss = peerLoss.add(Divergence(logits.detach(), peerLogits).mul(mutualWeight), One);
            total = loss.add(peerLoss, One);
        }
        _optimizer.zero_grad();
        _peerOptimizer?.zero_grad();
        total.backward();
        _optimizer.step();
        _peerOptimizer?.step();
        return loss.item<float>();
    }

    private Tensor BatchLoss(GenreNetwork network, Tensor logits, Tensor genreTarget, Tensor familyTarget, Tensor? partner, double mix)
    {
        var familyLogProbabilities = GenreNetwork.FamilyProbabilities(logits.softmax(1), _membership).clamp_min(ProbabilityFloor).log();
        var loss = Loss(network, logits, familyLogProbabilities, genreTarget, familyTarget);
        if (partner is not null)
            loss = Mix(loss, Loss(network, logits, familyLogProbabilities, genreTarget.index_select(0, partner), familyTarget.index_select(0, partner)), mix);
        return loss;
    }

    /// <summary>
    /// KL(target ‖ logits) averaged over the batch. The target is detached, so its gradient is the soft
    /// cross-entropy's; the target's entropy is taken out so that the logged loss reads near zero when the two agree.
    /// </summary>
    private static Tensor Divergence(Tensor targetLogits, Tensor logits)
    {
        var target = targetLogits.log_softmax(1);
        return target.exp().mul(target.sub(logits.log_softmax(1))).sum(1).mean();
    }

    private Tensor Loss(GenreNetwork network, Tensor logits, Tensor familyLogProbabilities, Tensor genreTarget, Tensor familyTarget)
    {
        using var familyWeight = _options.FamilyLossWeight.ToScalar();
        var familyLoss = nn.functional.nll_loss(familyLogProbabilities, familyTarget);
        // Pretraining on the families: with 1 to 9 clips per genre, the first epochs learn what tells the
        // seven families apart (about 130 clips each) before the genre loss can pull towards single clips.
        // A refit replays the same epochs, so it warms up alike.
        var loss = _epochsRun <= _options.FamilyWarmupEpochs
            ? familyLoss
            : nn.functional.cross_entropy(logits, genreTarget, label_smoothing: _options.LabelSmoothing).add(familyLoss.mul(familyWeight), One);
        return _linkPenalty is null ? loss : loss.add(_linkPenalty.Of(network.GenreLayerWeight), One);
    }

    /// <summary><c>share · a + (1 − share) · b</c> (mixup), with its Scalars held until the result exists.</summary>
    private static Tensor Mix(Tensor a, Tensor b, double share)
    {
        using var first = share.ToScalar();
        using var second = (1 - share).ToScalar();
        return a.mul(first).add(b.mul(second), One);
    }

    private static void AddNoise(Span<float> values, Random random, double deviation)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] += (float)(deviation * RandomSamples.StandardNormal(random));
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _peerOptimizer?.Dispose();
        Peer?.Dispose();
        _membership.Dispose();
        _linkPenalty?.Dispose();
    }
}

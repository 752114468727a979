using GenreOrleans.Analysis.Pipeline;
using TorchSharp;
using static TorchSharp.torch;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// A loaded genre model ready to score windows: standardises mel and summary with the model's
/// scalers, runs the network in evaluation mode (in chunks of <see cref="MaxBatch"/> windows)
/// and returns genre and family probabilities per window. A model may hold several networks
/// (an ensemble, from different seeds and possibly of different shapes): their probabilities are averaged. Uses CUDA
/// when torch sees a GPU. Forward passes are serialised; callers batch windows to get throughput.
/// </summary>
public sealed class InferenceSession : IWindowScorer, IDisposable
{
    private readonly IReadOnlyList<GenreNetwork> _networks;
    private readonly Tensor _familyMembership;
    private readonly FeatureScaler _melScaler;
    private readonly FeatureScaler _summaryScaler;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Device _device;

    // Explicit Scalars held while used (see GenreNetwork: an implicit one can be finalised mid-call).
    private static readonly Scalar One = 1.ToScalar();
    private readonly Scalar _ensembleSize;

    /// <summary>One network, or an ensemble of networks of the same inputs and labels (the session owns and disposes them).</summary>
    public InferenceSession(
        IReadOnlyList<GenreNetwork> networks,
        LabelMap labels,
        WindowParameters window,
        FeatureScaler melScaler,
        FeatureScaler summaryScaler,
        string modelVersion,
        Device? device = null)
    {
        if (networks.Count == 0)
            throw new ArgumentException("a session needs at least one network", nameof(networks));
        _device = device ?? DefaultDevice();
        _networks = networks;
        _ensembleSize = networks.Count.ToScalar();
        foreach (var network in _networks)
        {
            network.to(_device);
            network.eval();
        }
        Labels = labels;
        Window = window;
        _melScaler = melScaler;
        _summaryScaler = summaryScaler;
        ModelVersion = modelVersion;
        _familyMembership = GenreNetwork.FamilyMembership(labels, _device);
    }

    public string ModelVersion { get; }

    public LabelMap Labels { get; }

    public WindowParameters Window { get; }

    public ModelManifest? Manifest { get; private init; }

    /// <summary>The (first) network being served (training saves it; inference never changes it).</summary>
    public GenreNetwork Network => _networks[0];

    /// <summary>All networks whose probabilities are averaged (one unless the model is an ensemble).</summary>
    public IReadOnlyList<GenreNetwork> Networks => _networks;

    public FeatureScaler MelScaler => _melScaler;

    public FeatureScaler SummaryScaler => _summaryScaler;

    /// <summary>Where the networks run (CUDA or CPU).</summary>
    public Device Device => _device;

    public string DeviceName => _device.type.ToString();

    /// <summary>Largest number of windows in one forward pass (bounds memory for long tracks).</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>Loads weights and model.json from a model directory (see <see cref="ModelLocator"/>).</summary>
    public static InferenceSession Load(string modelDirectory, Device? device = null) =>
        Load(modelDirectory, ModelManifest.Read(modelDirectory), device);

    /// <summary>Loads the weights of a model directory whose model.json the caller has already read.</summary>
    public static InferenceSession Load(string modelDirectory, ModelManifest manifest, Device? device = null)
    {
        if (manifest.SummaryVersion != TrackSummary.Version)
            throw new InvalidDataException(
                $"model {manifest.Name} was trained on summary {manifest.SummaryVersion}, this build computes {TrackSummary.Version}");
        // Checked before any network is built, so that a half-copied model fails whole and names what is missing.
        if (manifest.AllWeightsFiles.FirstOrDefault(file => !File.Exists(Path.Combine(modelDirectory, file))) is { } missing)
            throw new FileNotFoundException($"model {manifest.Identity} lists the weights {missing}, which {modelDirectory} does not hold", missing);
        if (manifest.EnsembleNetworks is { } shapes && shapes.Count != (manifest.EnsembleWeightsFiles?.Count ?? 0))
            throw new InvalidDataException(
                $"model {manifest.Identity} lists {shapes.Count} ensemble network shapes for {manifest.EnsembleWeightsFiles?.Count ?? 0} ensemble weights files");
        var networks = manifest.AllWeightsFiles.Zip(manifest.AllNetworks, (file, shape) =>
        {
            var network = new GenreNetwork(shape);
            network.load(Path.Combine(modelDirectory, file));
            return network;
        }).ToList();
        return new InferenceSession(
            networks,
            manifest.CreateLabelMap(),
            manifest.Window,
            manifest.MelScaler.ToScaler(),
            manifest.SummaryScaler.ToScaler(),
            manifest.Identity,
            device)
        {
            Manifest = manifest,
        };
    }

    /// <summary>
    /// One forward pass on a silent window, so that torch's one-time set-up (kernel selection,
    /// allocator pools) is not paid by the first real request (measured: a few hundred ms).
    /// </summary>
    public void WarmUp()
    {
        var window = Window.MelBands * Window.FramesPerWindow;
        Score(new WindowBatch(new float[window], new float[_summaryScaler.Length], 1, Window.MelBands, Window.FramesPerWindow, _summaryScaler.Length),
            CancellationToken.None);
    }

    public static Device DefaultDevice() => cuda.is_available() ? CUDA : CPU;

    public async Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Score(batch, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private WindowScores Score(WindowBatch batch, CancellationToken cancellationToken)
    {
        if (batch.MelBands != Window.MelBands || batch.FramesPerWindow != Window.FramesPerWindow)
            throw new ArgumentException(
                $"windows are {batch.MelBands}x{batch.FramesPerWindow}, the model expects {Window.MelBands}x{Window.FramesPerWindow}");
        if (batch.SummaryLength != _summaryScaler.Length)
            throw new ArgumentException($"summary has {batch.SummaryLength} values, the model expects {_summaryScaler.Length}");

        int genres = Labels.GenreCount, families = Labels.FamilyCount;
        var genreOut = new float[batch.WindowCount * genres];
        var familyOut = new float[batch.WindowCount * families];
        var windowSize = batch.MelBands * batch.FramesPerWindow;
        for (var start = 0; start < batch.WindowCount; start += MaxBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(MaxBatch, batch.WindowCount - start);
            var mel = new float[count * windowSize];
            var summary = new float[count * batch.SummaryLength];
            _melScaler.TransformRows(batch.Mel.AsSpan(start * windowSize, count * windowSize), mel, batch.FramesPerWindow);
            for (var w = 0; w < count; w++)
            {
                _summaryScaler.TransformInto(
                    batch.Summary.AsSpan((start + w) * batch.SummaryLength, batch.SummaryLength),
                    summary.AsSpan(w * batch.SummaryLength, batch.SummaryLength));
            }
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var melTensor = tensor(mel, new long[] { count, batch.MelBands, batch.FramesPerWindow }, device: _device);
            var summaryTensor = tensor(summary, new long[] { count, batch.SummaryLength }, device: _device);
            var probabilities = _networks[0].call(melTensor, summaryTensor).softmax(1);
            for (var n = 1; n < _networks.Count; n++)
                probabilities = probabilities.add(_networks[n].call(melTensor, summaryTensor).softmax(1), One);
            if (_networks.Count > 1)
                probabilities = probabilities.div(_ensembleSize);
            var familyProbabilities = GenreNetwork.FamilyProbabilities(probabilities, _familyMembership);
            probabilities.cpu().data<float>().CopyTo(genreOut, start * genres);
            familyProbabilities.cpu().data<float>().CopyTo(familyOut, start * families);
        }
        return new WindowScores(genreOut, familyOut, batch.WindowCount, genres, families, ModelVersion);
    }

    public void Dispose()
    {
        foreach (var network in _networks)
            network.Dispose();
        _ensembleSize.Dispose();
        _familyMembership.Dispose();
        _gate.Dispose();
    }
}

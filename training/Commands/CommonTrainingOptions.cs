using System.CommandLine;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Commands;

/// <summary>Options shared by train and cross-validate.</summary>
internal sealed class CommonTrainingOptions
{
    private readonly Option<string> _manifest = new("--manifest") { Description = "manifest.csv or a <genre>/<file> folder tree", Required = true };
    private readonly Option<int> _epochs = new("--epochs") { DefaultValueFactory = _ => new TrainingOptions().Epochs };
    private readonly Option<int> _windowsPerGenre = new("--windows-per-genre") { DefaultValueFactory = _ => new TrainingOptions().WindowsPerGenre };
    private readonly Option<int> _windowFrames = new("--window-frames") { Description = "log-mel frames per model window, a multiple of 16 (128 = 2.97 s)", DefaultValueFactory = _ => new TrainingOptions().WindowFrames };
    private readonly Option<int> _patience = new("--patience") { DefaultValueFactory = _ => new TrainingOptions().Patience };
    private readonly Option<int> _seed = new("--seed") { DefaultValueFactory = _ => new TrainingOptions().Seed };
    private readonly Option<int> _threads = new("--threads") { DefaultValueFactory = _ => new TrainingOptions().Threads };
    private readonly Option<TrainingDevice> _device = new("--device") { Description = "Auto (CUDA when torch sees a GPU), Cpu or Cuda", DefaultValueFactory = _ => new TrainingOptions().Device };
    private readonly Option<bool> _noAugment = new("--no-augment") { Description = "train without augmentation" };
    private readonly Option<double> _summaryDropout = new("--summary-dropout") { DefaultValueFactory = _ => new TrainingOptions().SummaryDropout };
    private readonly Option<double> _maxMinutes = new("--max-minutes") { Description = "wall-clock budget for training", DefaultValueFactory = _ => new TrainingOptions().MaxMinutes };
    private readonly Option<bool> _noGru = new("--no-gru") { Description = "pool the frame embeddings over time without the GRU" };
    private readonly Option<ConvFrontEnd> _frontEnd = new("--front-end") { Description = "Strided (3 cheap blocks) or FullResolution (5 blocks)", DefaultValueFactory = _ => new TrainingOptions().FrontEnd };
    private readonly Option<double> _width = new("--width") { Description = "multiplier of the network's channels, frame embedding and GRU size (1 = 16/32/64 strided or 16..128 full resolution, 128, 96)", DefaultValueFactory = _ => new TrainingOptions().Width };
    private readonly Option<double> _dropout = new("--dropout") { Description = "dropout before the genre layer and in the summary branch", DefaultValueFactory = _ => new TrainingOptions().Dropout };
    private readonly Option<double> _mixup = new("--mixup") { Description = "mixup Beta(α, α) parameter; 0 = off", DefaultValueFactory = _ => new TrainingOptions().MixupAlpha };
    private readonly Option<double> _mutual = new("--mutual-weight") { Description = "deep mutual learning: train a peer network beside each network on the same batches, each also fitted to the other's distribution with this weight; the peer is not kept; 0 = off", DefaultValueFactory = _ => new TrainingOptions().MutualWeight };
    private readonly Option<int> _bandsRead = new("--bands-read") { Description = "feed the network only the lowest N mel bands (a multiple of 16; 112 = below 7.2 kHz, what a 16 kHz source keeps); 0 = all" };
    private readonly Option<double> _tempoStretch = new("--tempo-stretch") { Description = "largest relative tempo change of a training window (e.g. 0.06 for ±6 %); 0 = off", DefaultValueFactory = _ => new TrainingOptions().TempoStretch };
    private readonly Option<double> _pitchShift = new("--pitch-shift") { Description = "largest pitch shift of a training window in semitones; 0 = off", DefaultValueFactory = _ => new TrainingOptions().PitchShiftSemitones };
    private readonly Option<bool> _rawWindows = new("--raw-windows") { Description = "feed the windows to the network without standardising each (the recipe before 1.6.0)" };
    private readonly Option<double> _eqTilt = new("--eq-tilt") { Description = "largest random EQ tilt of a training window across the bands, ± dB", DefaultValueFactory = _ => new TrainingOptions().EqTiltDb };
    private readonly Option<double> _compressionShare = new("--compression-share") { Description = "share of training windows whose band dynamics are compressed", DefaultValueFactory = _ => new TrainingOptions().CompressionShare };
    private readonly Option<double> _limiter = new("--limiter") { Description = "share of training windows passed through a broadband limiter; 0 = off", DefaultValueFactory = _ => new TrainingOptions().LimiterProbability };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam's peak learning rate (the cosine decay starts there)", DefaultValueFactory = _ => new TrainingOptions().LearningRate };
    private readonly Option<double> _weightDecay = new("--weight-decay") { Description = "weight decay: an L2 term in Adam's gradient, or with --adamw a shrink of the weights themselves", DefaultValueFactory = _ => new TrainingOptions().WeightDecay };
    private readonly Option<bool> _adamW = new("--adamw") { Description = "decoupled weight decay (AdamW) instead of Adam's L2 term" };
    private readonly Option<double> _labelSmoothing = new("--label-smoothing") { DefaultValueFactory = _ => new TrainingOptions().LabelSmoothing };
    private readonly Option<int> _familyWarmup = new("--family-warmup-epochs") { Description = "first epochs trained on the family loss alone" };
    private readonly Option<double> _familyLossWeight = new("--family-loss-weight") { DefaultValueFactory = _ => new TrainingOptions().FamilyLossWeight };
    private readonly Option<double> _fusionWeight = new("--fusion-weight") { Description = "weight of the descriptor head in the fused distribution", DefaultValueFactory = _ => new TrainingOptions().FusionWeight };
    private readonly Option<string?> _genreLinks = new("--genre-links") { Description = "csv of related genres (source,target slugs; e.g. the guide's v2.5_links.csv) whose descriptor-head weights, and network genre-layer weights, are drawn together" };
    private readonly Option<double> _tempoPriorWeight = new("--tempo-prior-weight") { Description = "exponent of the tempo likelihood per family in the fused distribution; 0 = off", DefaultValueFactory = _ => new TrainingOptions().TempoPriorWeight };
    private readonly Option<double> _headLinkWeight = new("--head-link-weight") { Description = "weight of that pull; 0 = off", DefaultValueFactory = _ => new TrainingOptions().HeadLinkWeight };
    private readonly Option<double> _networkLinkWeight = new("--network-link-weight") { Description = "the same pull on the network's genre layer; 0 = off", DefaultValueFactory = _ => new TrainingOptions().NetworkLinkWeight };
    private readonly Option<int> _networks = new("--networks") { Description = "networks trained from different seeds and averaged (an ensemble)", DefaultValueFactory = _ => new TrainingOptions().Networks };
    private readonly Option<PartnerNetwork?> _partner = new("--partner")
    {
        Description = "one more network of another shape, e.g. FullResolution,no-gru,width=0.5,epochs=20 (front end, gru/no-gru, width, epochs)",
        CustomParser = result =>
        {
            try
            {
                return PartnerNetwork.Parse(result.Tokens.Single().Value);
            }
            catch (FormatException error)
            {
                result.AddError(error.Message);
                return null;
            }
        },
    };
    private readonly Option<int> _folds = new("--folds") { DefaultValueFactory = _ => 5 };
    private readonly Option<int> _fold = new("--fold") { Description = "validation fold", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _cache = new("--cache") { Description = "feature cache directory", DefaultValueFactory = _ => ".cache/features" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _manifest, _epochs, _windowsPerGenre, _windowFrames, _patience, _seed, _threads, _device, _noAugment, _summaryDropout, _noGru, _frontEnd, _width, _dropout, _mixup, _mutual, _bandsRead, _eqTilt, _compressionShare, _limiter, _tempoStretch, _pitchShift, _rawWindows, _learningRate, _weightDecay, _adamW, _labelSmoothing, _familyLossWeight, _familyWarmup, _fusionWeight, _tempoPriorWeight, _genreLinks, _headLinkWeight, _networkLinkWeight, _maxMinutes, _networks, _partner, _folds, _fold, _cache })
            command.Options.Add(option);
    }

    public TrainingOptions Read(ParseResult parse) => new()
    {
        Epochs = parse.GetValue(_epochs),
        WindowsPerGenre = parse.GetValue(_windowsPerGenre),
        WindowFrames = Math.Clamp(parse.GetValue(_windowFrames) / 16 * 16, 32, 1024),
        Patience = parse.GetValue(_patience),
        Seed = parse.GetValue(_seed),
        Threads = parse.GetValue(_threads),
        Device = parse.GetValue(_device),
        Augment = !parse.GetValue(_noAugment),
        SummaryDropout = parse.GetValue(_summaryDropout),
        MaxMinutes = parse.GetValue(_maxMinutes),
        Recurrent = !parse.GetValue(_noGru),
        FrontEnd = parse.GetValue(_frontEnd),
        Width = Math.Clamp(parse.GetValue(_width), 0.25, 4),
        Dropout = Math.Clamp(parse.GetValue(_dropout), 0, 0.9),
        MixupAlpha = parse.GetValue(_mixup),
        MutualWeight = Math.Max(0, parse.GetValue(_mutual)),
        BandsRead = Math.Max(0, parse.GetValue(_bandsRead) / 16 * 16),
        LimiterProbability = parse.GetValue(_limiter),
        EqTiltDb = Math.Clamp(parse.GetValue(_eqTilt), 0, 40),
        CompressionShare = Math.Clamp(parse.GetValue(_compressionShare), 0, 1),
        TempoStretch = Math.Clamp(parse.GetValue(_tempoStretch), 0, 0.5),
        PitchShiftSemitones = Math.Clamp(parse.GetValue(_pitchShift), 0, 12),
        StandardiseWindows = !parse.GetValue(_rawWindows),
        LearningRate = Math.Clamp(parse.GetValue(_learningRate), 1e-6, 1),
        WeightDecay = Math.Max(0, parse.GetValue(_weightDecay)),
        DecoupledWeightDecay = parse.GetValue(_adamW),
        LabelSmoothing = parse.GetValue(_labelSmoothing),
        FamilyLossWeight = parse.GetValue(_familyLossWeight),
        FamilyWarmupEpochs = parse.GetValue(_familyWarmup),
        FusionWeight = parse.GetValue(_fusionWeight),
        HeadLinkWeight = Math.Max(0, parse.GetValue(_headLinkWeight)),
        TempoPriorWeight = Math.Max(0, parse.GetValue(_tempoPriorWeight)),
        NetworkLinkWeight = Math.Max(0, parse.GetValue(_networkLinkWeight)),
        Networks = Math.Max(1, parse.GetValue(_networks)),
        Partner = parse.GetValue(_partner),
    };

    public int Folds(ParseResult parse) => parse.GetValue(_folds);

    public int Fold(ParseResult parse) => parse.GetValue(_fold);

    public string CacheDirectory(ParseResult parse) => parse.GetValue(_cache)!;

    public int Threads(ParseResult parse) => parse.GetValue(_threads);

    /// <summary>The clips of --manifest with their features (from the --cache, computed with --threads where missing) and the --genre-links.</summary>
    public PreparedDataset LoadData(ParseResult parse)
    {
        var data = LoadData(parse.GetValue(_manifest)!, parse);
        if (parse.GetValue(_genreLinks) is not { Length: > 0 } path)
            return data;
        var links = GenreLinks.Load(path, data.Labels);
        ProgressLog.Write($"{links.Pairs.Count} genre links from {path} ({links.LeftOut} rows left out: blank, repeated or naming genres outside the labels)");
        return data.WithLinks(links);
    }

    /// <summary>
    /// A trained model (its directory and manifest) with the clips of the manifest it was trained on; null, after
    /// saying why, when --manifest names another one (its split and clips could not be rebuilt).
    /// </summary>
    public (string Directory, ModelManifest Model, PreparedDataset Data)? LoadModelWithItsData(ParseResult parse, Option<string> modelOption)
    {
        var directory = Path.GetFullPath(parse.GetValue(modelOption)!);
        var model = ModelManifest.Read(directory);
        var data = LoadData(parse);
        if (model.TrainingManifestSha256 == data.Manifest.Sha256)
            return (directory, model, data);
        Console.Error.WriteLine($"{directory} was trained on another manifest (sha256 {model.TrainingManifestSha256}); its clips cannot be rebuilt");
        return null;
    }

    /// <summary>The clips of another manifest, with the same --cache and --threads.</summary>
    public PreparedDataset LoadData(string manifestPath, ParseResult parse) =>
        PreparedDataset.Load(manifestPath, CacheDirectory(parse), Threads(parse), ProgressLog.Write);
}

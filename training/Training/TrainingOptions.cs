using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Training;

/// <summary>Hyper-parameters of one training run (recorded in model.json).</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 200;

    /// <summary>
    /// Wall-clock budget for the epochs (features and evaluation come on top): the learning-rate
    /// schedule is fitted to the epochs that fit in it, and no epoch starts that would likely end after it.
    /// </summary>
    public double MaxMinutes { get; init; } = 45;

    /// <summary>
    /// Log-mel frames per model window (128 ≈ 3 s at 22,050 Hz / hop 512); windows are scored half a
    /// window apart. Recorded in model.json, which the product follows.
    /// </summary>
    public int WindowFrames { get; init; } = 128;

    /// <summary>Windows drawn per genre per epoch (class balancing: every genre is seen equally often).</summary>
    public int WindowsPerGenre { get; init; } = 12;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 2e-3;

    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>AdamW (weight decay applied to the weights directly) instead of Adam's L2 term in the gradient.</summary>
    public bool DecoupledWeightDecay { get; init; }

    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Weight of the family negative log-likelihood (on summed genre probabilities) next to the genre loss.</summary>
    public double FamilyLossWeight { get; init; } = 0.5;

    /// <summary>
    /// Epochs at the start trained on the family loss alone (the family NLL of the summed genre
    /// probabilities, plus the link penalty): pretraining on the families; 0 for none.
    /// </summary>
    public int FamilyWarmupEpochs { get; init; }

    /// <summary>Stop when the validation score has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 30;

    public bool Augment { get; init; } = true;

    /// <summary>
    /// Probability that a training window sees no summary (its standardised summary zeroed). The
    /// summary is one vector per clip, so without this the network can recognise training clips
    /// by it instead of learning from the spectrogram; 1 trains without the summary branch's input.
    /// </summary>
    public double SummaryDropout { get; init; } = 0.5;

    /// <summary>Standard deviation of Gaussian noise added to the standardised summary in training.</summary>
    public double SummaryNoise { get; init; } = 0.3;

    /// <summary>
    /// Share of training windows passed through a broadband limiter with make-up gain (4–14 dB
    /// deep, see <see cref="MelLimiter"/>): loud modern masters; 0 leaves it out.
    /// </summary>
    public double LimiterProbability { get; init; }

    /// <summary>Largest random EQ tilt of a training window from the lowest to the highest band, ± dB.</summary>
    public double EqTiltDb { get; init; } = 6;

    /// <summary>Share of training windows whose band dynamics are compressed (factor 0.55–1).</summary>
    public double CompressionShare { get; init; } = 0.3;

    /// <summary>
    /// Largest relative tempo change of a training window (<see cref="TempoStretchCrop"/>): each window's
    /// rate is drawn uniformly from 1 ± this; 0 crops at the clip's own tempo.
    /// </summary>
    public double TempoStretch { get; init; }

    /// <summary>Largest pitch shift of a training window in semitones (<see cref="MelPitchShifter"/>), drawn uniformly from ± this; 0 leaves pitch alone.</summary>
    public double PitchShiftSemitones { get; init; }

    /// <summary>Whether the network standardises each window before its front end (<see cref="NetworkOptions.StandardiseWindows"/>; since 1.6.0).</summary>
    public bool StandardiseWindows { get; init; } = true;

    /// <summary>Whether the network runs a GRU over the frame embeddings (else it pools them directly).</summary>
    public bool Recurrent { get; init; } = true;

    /// <summary>The network's convolutional front end.</summary>
    public ConvFrontEnd FrontEnd { get; init; } = ConvFrontEnd.Strided;

    /// <summary>
    /// Multiplier of the network's widths (conv channels 16/32/64, or 16 to 128 for the full-resolution front end;
    /// frame embedding 128, GRU 96 per direction): 1.5 about doubles the strided network's multiply-adds per window
    /// (29 M against 13 M), and so its time per window.
    /// </summary>
    public double Width { get; init; } = 1;

    /// <summary>Dropout rate before the genre layer and in the summary branch (<see cref="NetworkOptions.Dropout"/>).</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>
    /// Mixup's Beta(α, α) parameter: each batch is blended with a shuffled copy of itself, and the
    /// loss with both targets in the same proportion; 0 trains without mixup.
    /// </summary>
    public double MixupAlpha { get; init; }

    /// <summary>The lowest mel bands the network reads (<see cref="NetworkOptions.BandsRead"/>); 0 = all.</summary>
    public int BandsRead { get; init; }

    /// <summary>
    /// Deep mutual learning: a second network of the same shape is trained beside each network on
    /// the same batches, and each adds this weight times the cross-entropy against the other's
    /// distribution to its loss; only the first is kept, so the model costs one network. 0 = off.
    /// </summary>
    public double MutualWeight { get; init; }

    /// <summary>
    /// Weight λ of the descriptor head in the fused track distribution (p_network^(1-λ) x p_head^λ):
    /// 0 is the network alone, 1 the head alone. Fixed rather than picked on the validation clips,
    /// which would flatter the reported numbers; 0.5 weighs the two experts equally.
    /// </summary>
    public double FusionWeight { get; init; } = 0.5;

    /// <summary>
    /// Exponent of the tempo likelihood per family multiplied into the fused distribution
    /// (<see cref="Analysis.Model.TempoFamilyPrior"/>); 0 leaves it out. 0.5 since model 1.11.0: the largest of 0.25, 0.5
    /// and 1 that kept the guide's out-of-fold figures within 0.01 (docs/model.md, "A tempo prior per family").
    /// </summary>
    public double TempoPriorWeight { get; init; } = 0.5;

    /// <summary>Width of the prior's kernel over log2(BPM), in octaves.</summary>
    public double TempoPriorBandwidthOctaves { get; init; } = 0.1;

    /// <summary>
    /// Weight of the penalty that draws linked genres' descriptor-head weights together when genre
    /// links are given (<c>--genre-links</c>, <see cref="Data.GenreLinks"/>); 0 fits the head without it.
    /// Chosen with <c>head-cv</c> (docs/model.md).
    /// </summary>
    public double HeadLinkWeight { get; init; } = 0.005;

    /// <summary>
    /// The same pull on the network's genre layer (Σ over links of the squared distance between the
    /// linked genres' weight rows, added to each batch's loss) when genre links are given; 0 trains without it.
    /// </summary>
    public double NetworkLinkWeight { get; init; } = 0.005;

    /// <summary>
    /// Share of unseen in-domain clips the novelty flag may mark as unfamiliar (it sets the
    /// threshold; see <see cref="DescriptorNovelty"/>): the price in-domain of recognising music
    /// the model never learned.
    /// </summary>
    public double NoveltyFlaggedShare { get; init; } = 0.1;

    /// <summary>Shrinkage of the novelty measure's covariance towards the identity (0 = the sample covariance).</summary>
    public double NoveltyShrinkage { get; init; } = 0.1;

    public int Seed { get; init; } = 20251125;

    /// <summary>
    /// Networks trained alike from different seeds (the first from <see cref="Seed"/>) whose window
    /// probabilities are averaged: an ensemble, at that many times the training and scoring cost.
    /// </summary>
    public int Networks { get; init; } = 1;

    /// <summary>
    /// One more network of another shape after the <see cref="Networks"/> alike ones (<c>--partner</c>),
    /// from seed + 1000 × <see cref="Networks"/>; null for none.
    /// </summary>
    public PartnerNetwork? Partner { get; init; }

    /// <summary>All networks the model holds: <see cref="Networks"/>, plus the partner.</summary>
    public int MemberCount => Networks + (Partner is null ? 0 : 1);

    /// <summary>The options that train ensemble member <paramref name="member"/>: the run's own, or the partner's shape and epochs.</summary>
    public TrainingOptions ForMember(int member) => member < Networks || Partner is not { } partner
        ? this
        : this with
        {
            FrontEnd = partner.FrontEnd,
            Recurrent = partner.Recurrent,
            Width = partner.Width,
            Epochs = partner.Epochs ?? Epochs,
            Partner = null,
        };

    /// <summary>
    /// Torch threads. One by default: on a shared 2-core machine two OpenMP threads spend their
    /// time waiting for each other (measured 8x slower per batch under load).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Where the networks train and the validation clips are scored. The reference figures are CPU
    /// runs: a run on CUDA draws the same crops and augmentation, but cuDNN's arithmetic and CUDA's
    /// own random generator for dropout make its figures close to, not equal to, the CPU's.
    /// </summary>
    public TrainingDevice Device { get; init; } = TrainingDevice.Auto;

    /// <summary>The torch device of <see cref="Device"/>; asking for CUDA where torch sees none is an error, not a silent fallback.</summary>
    public TorchSharp.torch.Device TorchDevice() => Device switch
    {
        TrainingDevice.Cpu => TorchSharp.torch.CPU,
        TrainingDevice.Cuda when TorchSharp.torch.cuda.is_available() => TorchSharp.torch.CUDA,
        TrainingDevice.Cuda => throw new InvalidOperationException("--device cuda: torch sees no CUDA device (docs/model.md, \"GPU\")"),
        _ => InferenceSession.DefaultDevice(),
    };

    /// <summary>
    /// After the validated run, train the shipped networks again on every clip (validation fold
    /// included) with that run's learning rates up to its best epoch (<c>train --refit-all-clips</c>).
    /// </summary>
    public bool RefitAllClips { get; init; }

    /// <summary>The network this run trains, for windows of <paramref name="window"/> and summaries of <paramref name="summaryLength"/> values.</summary>
    public NetworkOptions NetworkShape(WindowParameters window, int summaryLength, int genreCount)
    {
        var defaults = new NetworkOptions(window.MelBands, window.FramesPerWindow, summaryLength, genreCount);
        int Scaled(int size) => Math.Max(4, (int)Math.Round(size * Width));
        return defaults with
        {
            ConvChannels1 = Scaled(defaults.ConvChannels1),
            ConvChannels2 = Scaled(defaults.ConvChannels2),
            ConvChannels3 = Scaled(defaults.ConvChannels3),
            FrameEmbedding = Scaled(defaults.FrameEmbedding),
            GruHidden = Scaled(defaults.GruHidden),
            Dropout = Dropout,
            Recurrent = Recurrent,
            FrontEnd = FrontEnd,
            StandardiseWindows = StandardiseWindows,
            BandsRead = BandsRead,
        };
    }
}

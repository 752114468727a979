using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// The genre model: a standardised log-mel window [B, 1, mel, frames] goes through three
/// conv + batch-norm + ReLU + max-pool blocks (the first convolution strides 2x2 and the first
/// pool halves again, so the later convolutions stay cheap on a 2-core CPU; or, with
/// <see cref="ConvFrontEnd.FullResolution"/>, five full-resolution <see cref="ConvBlock"/>s), the remaining frequency rows of each time step are
/// projected to a frame embedding, a bidirectional GRU runs over time and its outputs are mean-
/// and max-pooled. A small branch embeds the track's standardised summary features. The genre
/// head sees both; the family distribution is the sum of genre probabilities per family
/// (<see cref="FamilyProbabilities"/>), so the two heads can never disagree.
/// </summary>
public sealed class GenreNetwork : Module<Tensor, Tensor, Tensor>
{
    // The five full-resolution blocks' channels as multiples of ConvChannels1 (16 -> 16/32/64/128/128,
    // the reference CNN), so --width scales this front end as it scales the strided one.
    private static readonly int[] FullResolutionMultiples = { 1, 2, 4, 8, 8 };

    private readonly Conv2d? conv1;
    private readonly BatchNorm2d? norm1;
    private readonly PairMaxPool? pool1;
    private readonly Conv2d? conv2;
    private readonly BatchNorm2d? norm2;
    private readonly PairMaxPool? pool2;
    private readonly Conv2d? conv3;
    private readonly BatchNorm2d? norm3;
    private readonly PairMaxPool? pool3;
    private readonly ModuleList<ConvBlock>? blocks;
    private readonly Linear frameProjection;
    private readonly GRU? gru;
    private readonly Linear summaryProjection;
    private readonly Dropout summaryDropout;
    private readonly Dropout headDropout;
    private readonly Linear genreHead;

    public GenreNetwork(NetworkOptions options) : base(nameof(GenreNetwork))
    {
        Options = options;
        int outputChannels;
        if (options.FrontEnd == ConvFrontEnd.FullResolution)
        {
            blocks = new ModuleList<ConvBlock>();
            var input = 1;
            foreach (var channels in FullResolutionChannels(options))
            {
                blocks.Add(new ConvBlock(input, channels));
                input = channels;
            }
            outputChannels = input;
            FrequencyRows = options.InputBands >> FullResolutionMultiples.Length;
        }
        else
        {
            conv1 = Conv2d(1, options.ConvChannels1, 3, stride: 2, padding: 1);
            norm1 = BatchNorm2d(options.ConvChannels1);
            pool1 = new PairMaxPool(frequency: true, time: true);
            conv2 = Conv2d(options.ConvChannels1, options.ConvChannels2, 3, padding: 1);
            norm2 = BatchNorm2d(options.ConvChannels2);
            pool2 = new PairMaxPool(frequency: true, time: true);
            conv3 = Conv2d(options.ConvChannels2, options.ConvChannels3, 3, padding: 1);
            norm3 = BatchNorm2d(options.ConvChannels3);
            pool3 = new PairMaxPool(frequency: true, time: false);
            outputChannels = options.ConvChannels3;
            FrequencyRows = options.InputBands / 16;
        }
        frameProjection = Linear(outputChannels * FrequencyRows, options.FrameEmbedding);
        if (options.Recurrent)
            gru = GRU(options.FrameEmbedding, options.GruHidden, batchFirst: true, bidirectional: true);
        var pooledLength = options.Recurrent ? 4 * options.GruHidden : 2 * options.FrameEmbedding;
        summaryProjection = Linear(options.InputSummaryLength, options.SummaryEmbedding);
        summaryDropout = Dropout(options.Dropout);
        headDropout = Dropout(options.Dropout);
        genreHead = Linear(pooledLength + options.SummaryEmbedding, options.GenreCount);
        RegisterComponents();
    }

    // Scalars held for the life of the process. TorchSharp's Tensor.add(x) (and the + operator)
    // pass an implicit Scalar 1 as alpha and read only its handle: once unreachable, that Scalar
    // can be finalised (and its native value freed) while libtorch still reads it, which made
    // cross-validation runs fail at random in this normalisation ("toFloat: Expected false to be
    // true"), even after the floor itself was held. So every scalar here, alpha included, is explicit.
    private static readonly Scalar DeviationFloor = 1e-3.ToScalar();
    private static readonly Scalar One = 1.ToScalar();

    public NetworkOptions Options { get; }

    /// <summary>The output channels of the full-resolution front end's five blocks for these options.</summary>
    public static IReadOnlyList<int> FullResolutionChannels(NetworkOptions options) =>
        FullResolutionMultiples.Select(multiple => multiple * options.ConvChannels1).ToArray();

    private int FrequencyRows { get; }

    /// <summary>The genre layer's weights (genres x embedding), for training penalties on them.</summary>
    public Tensor GenreLayerWeight => genreHead.weight!;

    /// <summary>Genre logits [B, genres] for standardised mel windows [B, mel, frames] and summaries [B, summary].</summary>
    public override Tensor forward(Tensor mel, Tensor summary)
    {
        using var scope = NewDisposeScope();
        if (Options.InputBands < Options.MelBands)
        {
            mel = mel.narrow(1, 0, Options.InputBands);
            if (Options.InputSummaryLength < Options.SummaryLength)
                summary = cat(new[] { summary.narrow(1, 0, Options.InputBands), summary.narrow(1, Options.MelBands, Options.InputBands) }, 1);
        }
        if (Options.StandardiseWindows)
        {
            // [B, mel, frames]: per-band mean over time removed, one deviation per window.
            // Not square(): TorchSharp implements it as pow(2) with an implicit exponent Scalar
            // (a cross-validation run failed in it as above).
            var centred = mel.sub(mel.mean(new long[] { 2 }, keepdim: true));
            mel = centred.div(centred.mul(centred).mean(new long[] { 1, 2 }, keepdim: true).sqrt().add(DeviationFloor, One));
        }
        var x = FrontEnd(mel.unsqueeze(1));
        // [B, C, F, T] -> [B, T, C*F]: each time step becomes one frame vector for the GRU.
        var batch = x.shape[0];
        var steps = x.shape[3];
        x = x.permute(0, 3, 1, 2).reshape(batch, steps, -1);
        x = functional.relu(frameProjection.call(x));
        var sequence = gru is null ? x : gru.call(x, null).Item1;
        var pooled = cat(new[] { sequence.mean(new long[] { 1 }), sequence.amax(new long[] { 1 }) }, 1);
        var context = summaryDropout.call(functional.relu(summaryProjection.call(summary)));
        var logits = genreHead.call(headDropout.call(cat(new[] { pooled, context }, 1)));
        return logits.MoveToOuterDisposeScope();
    }

    private Tensor FrontEnd(Tensor x)
    {
        if (blocks is not null)
        {
            foreach (var block in blocks)
                x = block.call(x);
            return x;
        }
        x = pool1!.call(functional.relu(norm1!.call(conv1!.call(x))));
        x = pool2!.call(functional.relu(norm2!.call(conv2!.call(x))));
        return pool3!.call(functional.relu(norm3!.call(conv3!.call(x))));
    }

    /// <summary>Family probabilities [B, families] from genre probabilities [B, genres].</summary>
    public static Tensor FamilyProbabilities(Tensor genreProbabilities, Tensor familyMembership) =>
        genreProbabilities.matmul(familyMembership);

    /// <summary>The [genres, families] 0/1 matrix that sums genre probabilities into families.</summary>
    public static Tensor FamilyMembership(LabelMap labels, Device device)
    {
        var data = new float[labels.GenreCount * labels.FamilyCount];
        for (var g = 0; g < labels.GenreCount; g++)
            data[g * labels.FamilyCount + labels.FamilyOfGenre[g]] = 1f;
        return tensor(data, new long[] { labels.GenreCount, labels.FamilyCount }, device: device);
    }
}

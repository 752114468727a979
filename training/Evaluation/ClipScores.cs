using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// One validation clip's scores before fusion: the network's aggregated genre distribution, the
/// descriptor head's, and whether it sounds unfamiliar. Kept so that cross-validation can write its
/// out-of-fold predictions and calibrate on all folds at once.
/// </summary>
public sealed record ClipScores(int TrueGenre, double[] Network, double[] Head, bool Unfamiliar)
{
    /// <summary>The scores of a clip as <c>cross-validate --predictions</c> stored them.</summary>
    public static ClipScores Of(OutOfFoldClip clip, LabelMap labels) =>
        new(labels.IndexOf(clip.Genre), clip.Network.Select(v => (double)v).ToArray(), clip.Head.Select(v => (double)v).ToArray(), clip.Unfamiliar);

    /// <summary>The two fused as the product does (<paramref name="fusionWeight"/> 0: the network alone).</summary>
    public double[] Fused(double fusionWeight) =>
        DescriptorHead.Fuse(Network, Head.Select(p => Math.Log(Math.Max(1e-300, p))).ToArray(), fusionWeight);
}

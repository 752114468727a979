using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Novelty;

/// <summary>
/// Fits a <see cref="DescriptorNovelty"/> on the training clips' descriptor vectors: standardise the
/// values at the given indices (<see cref="NoveltyFeatures"/>), invert their shrunk covariance, and set the threshold at the distance that
/// <paramref name="flaggedShare"/> of unseen in-domain clips exceed. "Unseen" matters: a training
/// clip is close to itself, so the distances that set the threshold come from an inner k-fold split
/// of the training clips (each part measured against a fit on the others).
/// </summary>
public static class NoveltyFit
{
    private const int InnerFolds = 5;

    public static DescriptorNovelty Fit(IReadOnlyList<float[]> descriptors, int[] indices, string version, double shrinkage, double flaggedShare, int seed)
    {
        var rows = descriptors.Select(d => indices.Select(i => d[i]).ToArray()).ToList();
        var part = Enumerable.Range(0, rows.Count).Select(i => i % InnerFolds).ToArray();
        new Random(seed).Shuffle(part);
        var unseen = new List<double>();
        for (var fold = 0; fold < InnerFolds; fold++)
        {
            var inner = Build(rows.Where((_, i) => part[i] != fold).ToList(), 0);
            unseen.AddRange(descriptors.Where((_, i) => part[i] == fold).Select(d => inner.Distance(d)));
        }
        unseen.Sort();
        var threshold = unseen[(int)Math.Floor((1 - flaggedShare) * (unseen.Count - 1))];
        return Build(rows, threshold);

        DescriptorNovelty Build(IReadOnlyList<float[]> picked, double limit)
        {
            var scaler = FeatureScaler.Fit(picked);
            var standardised = picked.Select(r => scaler.Transform(r)).ToList();
            var precision = SymmetricMatrix.Inverse(SymmetricMatrix.ShrunkCovariance(standardised, shrinkage));
            return new DescriptorNovelty(version, indices, ScalerValues.From(scaler), precision.Cast<double>().Select(v => (float)v).ToArray(), limit);
        }
    }
}

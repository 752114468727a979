using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Fits a <see cref="MetricalLevelModel"/>: a conditional logit over the levels of each track
/// (softmax across one track's levels) that maximises the probability of the levels labelled
/// right, with an L2 penalty, by Adam on the standardised evidence.
/// </summary>
internal static class ConditionalLogitFit
{
    /// <summary>One track: its levels and which of them count as right.</summary>
    public sealed record Track(string Id, IReadOnlyList<MetricalLevel> Levels, bool[] Right, double Weight);

    public static MetricalLevelModel Fit(IReadOnlyList<Track> tracks, double l2 = 0.1, int iterations = 400, double stepSize = 0.05)
    {
        var usable = tracks.Where(t => t.Right.Any(r => r) && t.Levels.Count > 0).ToList();
        var dimension = MetricalLevelModel.FeatureCount;
        var all = usable.SelectMany(t => t.Levels).Select(l => l.Features).ToList();
        var mean = new double[dimension];
        var scale = new double[dimension];
        for (var d = 0; d < dimension; d++)
        {
            mean[d] = all.Average(f => f[d]);
            scale[d] = Math.Sqrt(all.Average(f => (f[d] - mean[d]) * (f[d] - mean[d]))) + 1e-9;
        }
        var standardised = usable.Select(t => t.Levels.Select(l => l.Features.Select((v, d) => (v - mean[d]) / scale[d]).ToArray()).ToArray()).ToList();
        var totalWeight = usable.Sum(t => t.Weight);

        var w = new double[dimension];
        var m = new double[dimension];
        var v = new double[dimension];
        var gradient = new double[dimension];
        for (var step = 1; step <= iterations; step++)
        {
            for (var d = 0; d < dimension; d++)
                gradient[d] = l2 * w[d] / usable.Count;
            for (var t = 0; t < usable.Count; t++)
            {
                var z = standardised[t];
                var scores = z.Select(f => Dot(w, f)).ToArray();
                var max = scores.Max();
                var p = scores.Select(s => Math.Exp(s - max)).ToArray();
                var sum = p.Sum();
                for (var i = 0; i < p.Length; i++) p[i] /= sum;
                // Target: the model's own distribution restricted to the right levels.
                var q = p.Select((pi, i) => usable[t].Right[i] ? pi : 0).ToArray();
                var qSum = q.Sum();
                for (var i = 0; i < q.Length; i++) q[i] /= qSum;
                var weight = usable[t].Weight / totalWeight;
                for (var i = 0; i < p.Length; i++)
                    for (var d = 0; d < dimension; d++)
                        gradient[d] += weight * (p[i] - q[i]) * z[i][d];
            }
            for (var d = 0; d < dimension; d++)
            {
                m[d] = 0.9 * m[d] + 0.1 * gradient[d];
                v[d] = 0.999 * v[d] + 0.001 * gradient[d] * gradient[d];
                var mHat = m[d] / (1 - Math.Pow(0.9, step));
                var vHat = v[d] / (1 - Math.Pow(0.999, step));
                w[d] -= stepSize * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }
        return new MetricalLevelModel(mean, scale, w);
    }

    /// <summary>Index of the level the model chooses (the highest score).</summary>
    public static int Choose(MetricalLevelModel model, IReadOnlyList<MetricalLevel> levels)
    {
        var best = 0;
        for (var i = 1; i < levels.Count; i++)
            if (model.Score(levels[i].Features) > model.Score(levels[best].Features)) best = i;
        return best;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}

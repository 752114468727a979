namespace GenreOrleans.Analysis.Model;

/// <summary>
/// A multinomial logistic regression from the track's standardised
/// <see cref="Pipeline.DescriptorVector"/> to genres, fused with the network's aggregated window
/// distribution by a logarithmic opinion pool: log p = (1 - λ) log p_network + λ log p_descriptors,
/// renormalised, λ = <see cref="FusionWeight"/>. Weights summing to one keep the fused distribution
/// about as confident as its parts (a plain product, λ on the head alone, double-counts confidence).
/// The network sees 3 s of spectrogram at a time; the head sees the whole track's tempo, rhythm
/// pattern and timbre statistics, which the windows cannot hold. Stored in model.json, fitted on
/// the model's own training clips; the weight is a training option, not chosen on validation.
/// </summary>
public sealed record DescriptorHead(
    string Version,
    ScalerValues Scaler,
    float[] Weights,
    float[] Bias,
    double FusionWeight)
{
    public int GenreCount => Bias.Length;

    public int Length => Scaler.Mean.Length;

    /// <summary>Genre log-probabilities of one descriptor vector.</summary>
    public double[] LogProbabilities(ReadOnlySpan<float> descriptors)
    {
        if (descriptors.Length != Length)
            throw new ArgumentException($"the descriptor head needs {Length} values, got {descriptors.Length}");
        var standardised = Scaler.ToScaler().Transform(descriptors);
        var logits = new double[GenreCount];
        for (var g = 0; g < logits.Length; g++)
        {
            double sum = Bias[g];
            var row = Weights.AsSpan(g * Length, Length);
            for (var i = 0; i < row.Length; i++)
                sum += row[i] * standardised[i];
            logits[g] = sum;
        }
        var max = logits.Max();
        var logTotal = max + Math.Log(logits.Sum(v => Math.Exp(v - max)));
        for (var g = 0; g < logits.Length; g++)
            logits[g] -= logTotal;
        return logits;
    }

    /// <summary>The fused genre distribution of the network's track distribution and the descriptors.</summary>
    public double[] Fuse(ReadOnlySpan<double> networkGenres, ReadOnlySpan<float> descriptors) =>
        Fuse(networkGenres, LogProbabilities(descriptors), FusionWeight);

    /// <summary>p ∝ p_network^(1 - weight) x p_descriptors^weight, computed in the log domain.</summary>
    public static double[] Fuse(ReadOnlySpan<double> networkGenres, ReadOnlySpan<double> descriptorLogProbabilities, double weight)
    {
        if (networkGenres.Length != descriptorLogProbabilities.Length)
            throw new ArgumentException("the two distributions differ in length");
        var fused = new double[networkGenres.Length];
        // The floor keeps a genre the network rules out entirely from becoming -infinity.
        for (var g = 0; g < fused.Length; g++)
            fused[g] = (1 - weight) * Math.Log(Math.Max(1e-12, networkGenres[g])) + weight * descriptorLogProbabilities[g];
        Pipeline.ScoreAggregator.NormaliseLogScores(fused);
        return fused;
    }
}

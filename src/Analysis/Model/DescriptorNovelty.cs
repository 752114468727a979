namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Recognises a track that sounds unlike every training clip: the Mahalanobis distance of its
/// standardised timbre statistics (the <see cref="Pipeline.DescriptorVector"/> values at
/// <see cref="Indices"/>, chosen by training from the librosa-style feature summary) from the
/// training clips, under their covariance shrunk towards the identity. The genre probabilities cannot say
/// "none of these": a rock or classical recording still gets a distribution over electronic
/// genres, often a confident one. Its timbre is what sets it apart (measured: the rhythm profile
/// barely separates non-electronic music, the timbre statistics do). <see cref="Threshold"/> is the
/// distance that a set share (e.g. 10 %) of unseen in-domain clips exceed, so the in-domain cost is
/// known by construction; fitted by training, stored in model.json.
/// </summary>
public sealed record DescriptorNovelty(
    string Version,
    int[] Indices,
    ScalerValues Scaler,
    float[] Precision,
    double Threshold)
{
    /// <summary>How many descriptor values the distance reads.</summary>
    public int Length => Indices.Length;

    /// <summary>Mahalanobis distance of a descriptor vector (it must hold every index of <see cref="Indices"/>).</summary>
    public double Distance(ReadOnlySpan<float> descriptors)
    {
        if (Indices.Length == 0 || Indices.Max() >= descriptors.Length)
            throw new ArgumentException($"the novelty measure reads descriptor values up to index {Indices.DefaultIfEmpty(-1).Max()}, got {descriptors.Length}");
        if (Precision.Length != Length * Length || Scaler.Mean.Length != Length)
            throw new InvalidDataException($"the novelty measure's scaler or precision matrix does not fit its {Length} indices");
        var picked = new float[Length];
        for (var i = 0; i < Length; i++)
            picked[i] = descriptors[Indices[i]];
        var standardised = Scaler.ToScaler().Transform(picked);
        double sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var row = Precision.AsSpan(i * Length, Length);
            double dot = 0;
            for (var j = 0; j < Length; j++)
                dot += row[j] * standardised[j];
            sum += standardised[i] * dot;
        }
        return Math.Sqrt(Math.Max(0, sum));
    }

    /// <summary>Whether the track lies further from the training clips than <see cref="Threshold"/>.</summary>
    public bool IsUnfamiliar(ReadOnlySpan<float> descriptors) => Distance(descriptors) > Threshold;
}

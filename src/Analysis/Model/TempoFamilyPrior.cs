namespace GenreOrleans.Analysis.Model;

/// <summary>
/// The tempo at which each family's training clips were read, as a likelihood the fused genre distribution is
/// multiplied by: p(genre | track) ∝ p_fused(genre) × p(tempo | family of the genre)^<see cref="Weight"/>,
/// p(tempo | family) being a Gaussian kernel density over log2(BPM) of the family's training clips (plus a small floor,
/// so that no family is ruled out by its tempo alone). Why a separate factor, when the descriptor head already reads
/// the tempo: the network and the head also hear the clips' era and recording, which today's productions do not
/// share, while the tempo of a style has carried across eras (docs/model.md, "Modern music"). Stored in model.json
/// with the clips' tempos, so it is exactly the density it was fitted as.
/// </summary>
public sealed record TempoFamilyPrior(double Weight, double BandwidthOctaves, IReadOnlyDictionary<string, float[]> Log2Tempos)
{
    /// <summary>Density (per octave) every family keeps at any tempo.</summary>
    public const double DensityFloor = 1e-3;

    /// <summary>p(tempo | family) for each of <paramref name="families"/>, in their order.</summary>
    public double[] FamilyLikelihoods(double bpm, IReadOnlyList<string> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var likelihoods = new double[families.Count];
        var x = Math.Log2(bpm);
        var norm = 1 / (BandwidthOctaves * Math.Sqrt(2 * Math.PI));
        for (var f = 0; f < families.Count; f++)
        {
            double density = 0;
            if (Log2Tempos.TryGetValue(families[f], out var tempos) && tempos.Length > 0)
            {
                foreach (var t in tempos)
                {
                    var z = (x - t) / BandwidthOctaves;
                    density += Math.Exp(-0.5 * z * z);
                }
                density *= norm / tempos.Length;
            }
            likelihoods[f] = density + DensityFloor;
        }
        return likelihoods;
    }

    /// <summary>
    /// The genre distribution re-weighed by the family likelihoods of <paramref name="bpm"/> and renormalised; a track
    /// without a tempo (0 BPM, silence) keeps its distribution.
    /// </summary>
    public double[] Apply(ReadOnlySpan<double> genres, LabelMap labels, double bpm)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = genres.ToArray();
        if (!(bpm > 0) || !double.IsFinite(bpm) || Weight == 0)
            return result;
        var factors = FamilyLikelihoods(bpm, labels.Families).Select(l => Math.Pow(l, Weight)).ToArray();
        double sum = 0;
        for (var g = 0; g < result.Length; g++)
            sum += result[g] *= factors[labels.FamilyOfGenre[g]];
        if (!(sum > 0))
            return genres.ToArray();
        for (var g = 0; g < result.Length; g++)
            result[g] /= sum;
        return result;
    }

    /// <summary>The prior of training clips' families and tempos (clips without a tempo are left out).</summary>
    public static TempoFamilyPrior Fit(IEnumerable<(string Family, double Bpm)> clips, double weight, double bandwidthOctaves)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (!(bandwidthOctaves > 0))
            throw new ArgumentOutOfRangeException(nameof(bandwidthOctaves), "the bandwidth must be positive");
        if (!(weight >= 0))
            throw new ArgumentOutOfRangeException(nameof(weight), "the weight must not be negative");
        var tempos = clips.Where(c => c.Bpm > 0 && double.IsFinite(c.Bpm))
            .GroupBy(c => c.Family, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (float)Math.Log2(c.Bpm)).Order().ToArray(), StringComparer.Ordinal);
        return new TempoFamilyPrior(weight, bandwidthOctaves, tempos);
    }
}

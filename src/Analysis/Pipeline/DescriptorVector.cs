using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The track-level vector the model's descriptor head reads (<see cref="Model.DescriptorHead"/>),
/// defined and versioned here only: the librosa-style <see cref="FeatureSummary"/> (timbre,
/// harmony, loudness and librosa's tempo), the product's tempo as soft bins over log-tempo plus
/// its confidence (a linear model cannot read "160 to 180 BPM" from a raw number), and the
/// <see cref="RhythmProfile"/> and the <see cref="ModulationSpectrum"/>. A model records the version it was fitted on and refuses another.
/// Version 2: the rhythm profile reads 32 lags from 2 to 380 frames (version 1: 24 from 4 to 200).
/// Version 3: the tempo is the beat level <see cref="MetricalLevelModel"/> chooses (version 2: the grid score's).
/// Version 4: the fluctuation pattern (<see cref="ModulationSpectrum"/>, 288 values) is appended.
/// </summary>
public static class DescriptorVector
{
    public const string Version = "descriptors-4";

    public const int TempoBins = 16;
    public const double LowestBinBpm = 60;
    public const double HighestBinBpm = 220;

    // Width of a tempo bin's Gaussian in octaves: neighbouring bins (0.12 octave apart) overlap.
    private const double BinWidthOctaves = 0.06;

    public static IReadOnlyList<string> Names { get; } = FeatureSummary.Names
        .Concat(Enumerable.Range(0, TempoBins).Select(k => $"tempo.bin{k:D2}"))
        .Append("tempo.confidence")
        .Concat(RhythmProfile.Names)
        .Concat(ModulationSpectrum.Names)
        .ToList();

    public static int Length => Names.Count;

    /// <summary>
    /// The tempo a vector's soft bins encode (0 when it has none): each bin is a Gaussian of log-tempo, so the log-ratio
    /// of the two strongest neighbouring bins gives the position between their centres exactly. It lets stored vectors
    /// (the training feature cache) give back the tempo they were computed from.
    /// </summary>
    public static double TempoBpm(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Length)
            throw new ArgumentException($"a descriptor vector has {Length} values, got {vector.Length}", nameof(vector));
        var bins = vector.Slice(FeatureSummary.Names.Count, TempoBins);
        var best = 0;
        for (var k = 1; k < TempoBins; k++)
            if (bins[k] > bins[best]) best = k;
        if (!(bins[best] > 0))
            return 0;
        var neighbour = best == 0 ? 1 : best == TempoBins - 1 ? best - 1 : bins[best - 1] > bins[best + 1] ? best - 1 : best + 1;
        var (lower, upper) = neighbour < best ? (neighbour, best) : (best, neighbour);
        if (!(bins[lower] > 0) || !(bins[upper] > 0))
            return Math.Pow(2, BinCentre(best));
        // ln(g_u / g_l) = (c_u - c_l)(2x - c_l - c_u) / (2 sigma^2), solved for x.
        var spacing = BinCentre(upper) - BinCentre(lower);
        var octaves = (BinCentre(lower) + BinCentre(upper)) / 2
            + BinWidthOctaves * BinWidthOctaves * Math.Log(bins[upper] / (double)bins[lower]) / spacing;
        return Math.Pow(2, octaves);
    }

    private static double BinCentre(int k) =>
        Math.Log2(LowestBinBpm) + k * (Math.Log2(HighestBinBpm) - Math.Log2(LowestBinBpm)) / (TempoBins - 1);

    /// <summary>
    /// The vector of a track from its extracted features, its (unrefined) tempo reading, its rhythm
    /// profile and its fluctuation pattern.
    /// </summary>
    public static float[] Compute(float[] featureSummary, TempoReading tempo, ReadOnlySpan<float> rhythmProfile, ReadOnlySpan<float> fluctuation)
    {
        var vector = new float[Length];
        featureSummary.CopyTo(vector, 0);
        var offset = featureSummary.Length;
        if (tempo.Bpm > 0)
        {
            var octaves = Math.Log2(tempo.Bpm);
            for (var k = 0; k < TempoBins; k++)
            {
                vector[offset + k] = (float)Math.Exp(-0.5 * Math.Pow((octaves - BinCentre(k)) / BinWidthOctaves, 2));
            }
        }
        vector[offset + TempoBins] = double.IsFinite(tempo.Confidence) ? (float)tempo.Confidence : 0f;
        rhythmProfile.CopyTo(vector.AsSpan(offset + TempoBins + 1));
        fluctuation.CopyTo(vector.AsSpan(offset + TempoBins + 1 + RhythmProfile.Length));
        return vector;
    }
}

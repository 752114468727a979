namespace GenreOrleans.Bench.TempoKey;

/// <summary>The evaluation's measures, as MIR evaluations define them.</summary>
internal static class TempoKeyScores
{
    /// <summary>Accuracy 1: the estimate is within 4 % of the annotated tempo.</summary>
    public static bool TempoExact(double estimate, double truth) => estimate > 0 && Math.Abs(estimate / truth - 1) <= 0.04;

    /// <summary>Accuracy 2: within 4 % of the tempo or of its double, half, triple or third.</summary>
    public static bool TempoAllowingOctaves(double estimate, double truth) =>
        new[] { 1.0, 2, 0.5, 3, 1.0 / 3 }.Any(f => TempoExact(estimate, truth * f));

    /// <summary>
    /// MIREX weighted key score (as mir_eval computes it): 1 for the same key, 0.5 for the key
    /// a fifth above in the same mode, 0.3 for the relative key, 0.2 for the parallel key, else 0.
    /// </summary>
    public static double MirexKey(int tonic, bool minor, int refTonic, bool refMinor)
    {
        if (tonic < 0) return 0;
        if (tonic == refTonic && minor == refMinor) return 1;
        if (minor == refMinor && (tonic - refTonic + 12) % 12 == 7) return 0.5;
        if (!refMinor && minor && tonic == (refTonic + 9) % 12) return 0.3;
        if (refMinor && !minor && tonic == (refTonic + 3) % 12) return 0.3;
        if (tonic == refTonic && minor != refMinor) return 0.2;
        return 0;
    }
}

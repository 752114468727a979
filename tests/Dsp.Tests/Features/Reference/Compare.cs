using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tests.Features.Reference;

/// <summary>Error measures between a librosa reference ([row][frame]) and our matrix.</summary>
internal static class Compare
{
    public static double MaxAbsoluteError(double[][] expected, FeatureMatrix actual, Func<int, bool>? frameFilter = null)
    {
        var max = 0.0;
        for (var r = 0; r < expected.Length; r++)
            for (var t = 0; t < expected[r].Length; t++)
                if (frameFilter?.Invoke(t) ?? true)
                    max = Math.Max(max, Math.Abs(expected[r][t] - actual[r, t]));
        return max;
    }

    /// <summary>Largest |a - e| / |e| (with a tiny floor on |e|).</summary>
    public static double MaxRelativeError(double[][] expected, FeatureMatrix actual, Func<int, bool>? frameFilter = null)
    {
        var max = 0.0;
        for (var r = 0; r < expected.Length; r++)
            for (var t = 0; t < expected[r].Length; t++)
                if (frameFilter?.Invoke(t) ?? true)
                    max = Math.Max(max, Math.Abs(expected[r][t] - actual[r, t]) / Math.Max(Math.Abs(expected[r][t]), 1e-12));
        return max;
    }
}

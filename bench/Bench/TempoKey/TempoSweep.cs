using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Development aid: accuracy of TempoEstimator settings on the annotated recordings, split into
/// even and odd rows so that a setting chosen on one half can be checked on the other.
/// </summary>
internal static class TempoSweep
{
    public static void Run(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items)
    {
        var settings =
            from pref in new[] { 120.0 }
            from width in new[] { 0.7, 1.0 }
            from acw in new[] { 1.0, 2.0, 3.0 }
            from low in new[] { false, true }
            from backbeat in new[] { 0.0, 1.0, 2.0, 4.0, 8.0 }
            select (pref, width, acw, low, backbeat);
        var rows = new List<(string Label, double Even, double Odd, double All)>();
        foreach (var (pref, width, acw, low, backbeat) in settings)
        {
            var estimator = new TempoEstimator(new TempoOptions { PreferredBpm = pref, PreferenceWidthOctaves = width, AutocorrelationWeight = acw, BackbeatWeight = backbeat });
            int even = 0, evenN = 0, odd = 0, oddN = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var (rec, f) = items[i];
                if (rec.TempoBpm is not { } truth) continue;
                var bpm = estimator.Estimate(f.Onset, low ? f.LowOnset : default, f.MidOnset).Bpm;
                var hit = TempoKeyScores.TempoExact(bpm, truth) ? 1 : 0;
                if (i % 2 == 0) { even += hit; evenN++; } else { odd += hit; oddN++; }
            }
            rows.Add(($"pref {pref,3} width {width:F1} acw {acw:F1} low {(low ? 1 : 0)} backbeat {backbeat,3}", even / (double)evenN, odd / (double)oddN,
                (even + odd) / (double)(evenN + oddN)));
        }
        foreach (var r in rows.OrderByDescending(r => r.All).Take(30))
            Console.WriteLine($"   {r.Label}  even {r.Even:F3} odd {r.Odd:F3} all {r.All:F3}");
        var baseline = rows.First(r => r.Label.StartsWith("pref 120 width 1.0 acw 3.0 low 0 backbeat   0", StringComparison.Ordinal));
        Console.WriteLine($"   default: even {baseline.Even:F3} odd {baseline.Odd:F3} all {baseline.All:F3}");
    }
}

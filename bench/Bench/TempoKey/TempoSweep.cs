using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Development aid: accuracy of TempoEstimator settings on the annotated recordings, split into
/// even and odd rows so that a setting chosen on one half can be checked on the other; "in"
/// counts only recordings whose annotated tempo lies inside the product's 70–200 BPM range.
/// </summary>
internal static class TempoSweep
{
    public static void Run(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items)
    {
        var defaults = new TempoOptions();
        var settings =
            from width in new[] { 0.7 }
            from acw in new[] { 1.0, 2.0, 3.0 }
            from spw in new[] { 0.5, 1.0 }
            from backbeat in new[] { 4.0, 8.0 }
            select (width, acw, spw, backbeat);
        var rows = new List<(string Label, double Even, double Odd, double All, double In)>();
        foreach (var (width, acw, spw, backbeat) in settings)
        {
            var estimator = new TempoEstimator(new TempoOptions { PreferenceWidthOctaves = width, AutocorrelationWeight = acw, SpectrumWeight = spw, BackbeatWeight = backbeat });
            int even = 0, evenN = 0, odd = 0, oddN = 0, inside = 0, insideN = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var (rec, f) = items[i];
                if (rec.TempoBpm is not { } truth) continue;
                var bpm = estimator.Estimate(f.Onset, f.LowOnset, f.MidOnset).Bpm;
                var hit = TempoKeyScores.TempoExact(bpm, truth) ? 1 : 0;
                if (i % 2 == 0) { even += hit; evenN++; } else { odd += hit; oddN++; }
                if (truth >= defaults.MinBpm && truth <= defaults.MaxBpm) { inside += hit; insideN++; }
            }
            rows.Add(($"width {width:F1} acw {acw:F1} spw {spw:F2} backbeat {backbeat,3}", even / (double)evenN, odd / (double)oddN,
                (even + odd) / (double)(evenN + oddN), inside / (double)insideN));
        }
        foreach (var r in rows.OrderByDescending(r => r.All))
            Console.WriteLine($"   tempo {r.Label}  even {r.Even:F3} odd {r.Odd:F3} all {r.All:F3} in-range {r.In:F3}");
    }
}

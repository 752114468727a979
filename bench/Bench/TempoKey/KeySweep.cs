using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>Development aid: MIREX key score of KeyDetector settings on the annotated recordings, even and odd rows apart.</summary>
internal static class KeySweep
{
    public static void Run(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items)
    {
        foreach (var profile in Enum.GetValues<KeyProfile>())
        foreach (var compression in new[] { 0.5, 1.0, 2.0 })
        foreach (var weighted in new[] { false, true })
        {
            var detector = new KeyDetector(new KeyDetectorOptions { Profile = profile, Compression = compression });
            double even = 0, odd = 0;
            int evenN = 0, oddN = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var (rec, f) = items[i];
                if (!KeyNames.TryParse(rec.Key, out var tonic, out var minor)) continue;
                var key = detector.Detect(f.Chroma, f.Frames, weighted ? f.Rms : default);
                var score = TempoKeyScores.MirexKey(key.Tonic, key.IsMinor, tonic, minor);
                if (i % 2 == 0) { even += score; evenN++; } else { odd += score; oddN++; }
            }
            Console.WriteLine($"   key {profile,-20} compression {compression:F1} rms-weighted {(weighted ? 1 : 0)}  even {even / evenN:F3} odd {odd / oddN:F3} all {(even + odd) / (evenN + oddN):F3}");
        }
    }
}

using GenreOrleans.Dsp.Spectral;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Development aid: MIREX key score of key settings on the annotated recordings, even and odd
/// rows apart, so that a choice made on one half can be checked on the other: the parity chroma
/// with each profile, then <see cref="PitchClassProfile"/> variants.
/// </summary>
internal static class KeySweep
{
    public static void Run(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items)
    {
        var keyed = items.Where(i => KeyNames.TryParse(i.Recording.Key, out _, out _)).ToList();
        foreach (var profile in Enum.GetValues<KeyProfile>())
        foreach (var weighted in new[] { false })
        {
            var detector = new KeyDetector(new KeyDetectorOptions { Profile = profile });
            Report($"chroma_stft {profile,-20} rms-weighted {(weighted ? 1 : 0)}", items,
                f => detector.Detect(f.Chroma, f.Frames, weighted ? f.Rms : default));
        }

        // Power spectra once per recording (the product's STFT), reused by every variant.
        var stft = new Stft(2048, 512);
        var power = new Dictionary<AnnotatedRecording, float[]>();
        var magnitude = new float[stft.BinCount];
        foreach (var (rec, f) in keyed)
        {
            var frames = stft.FrameCount(f.Samples.Length);
            var p = new float[frames * stft.BinCount];
            for (var t = 0; t < frames; t++)
            {
                stft.Magnitude(f.Samples, t, magnitude);
                for (var k = 0; k < magnitude.Length; k++) p[t * stft.BinCount + k] = magnitude[k] * magnitude[k];
            }
            power[rec] = p;
        }

        var variants =
            from minHz in new[] { 27.5, 55.0 }
            from maxHz in new[] { 3500.0, 5000.0 }
            from eta in new[] { 0.0 }
            from white in new[] { 3, 6, 12 }
            from median in new[] { 1, 9 }
            from normalise in new[] { true, false }
            from peaks in new[] { true }
            select new PitchClassProfileOptions { MinHz = minHz, MaxHz = maxHz, LogCompression = eta, WhiteningSemitones = white, HarmonicMedianFrames = median, PeaksOnly = peaks, NormaliseFrames = normalise };
        var detectors = Enum.GetValues<KeyProfile>().Select(p => (p, new KeyDetector(new KeyDetectorOptions { Profile = p }))).ToList();
        foreach (var o in variants)
        {
            var pcp = new PitchClassProfile(22050, 2048, o);
            var profiles = new Dictionary<AnnotatedRecording, double[]>();
            foreach (var (rec, f) in keyed)
            {
                pcp.Reset(f.Tuning);
                var p = power[rec];
                for (var t = 0; t < p.Length / stft.BinCount; t++)
                    pcp.AddFrame(p.AsSpan(t * stft.BinCount, stft.BinCount));
                profiles[rec] = pcp.Profile.ToArray();
            }
            foreach (var (profile, detector) in detectors)
                Report($"pcp {o.MinHz,4}-{o.MaxHz,4} Hz eta {o.LogCompression,3} white {o.WhiteningSemitones} median {o.HarmonicMedianFrames,2} peaks {(o.PeaksOnly ? 1 : 0)} norm {(o.NormaliseFrames ? 1 : 0)} {profile,-20}",
                    items, f => profiles.TryGetValue(items.First(i => i.Features == f).Recording, out var pr) ? detector.DetectFromProfile(pr) : KeyReading.None);
        }
    }

    private static void Report(string label, IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> items,
        Func<ProductFrontEnd.Features, KeyReading> detect)
    {
        double even = 0, odd = 0;
        int evenN = 0, oddN = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (rec, f) = items[i];
            if (!KeyNames.TryParse(rec.Key, out var tonic, out var minor)) continue;
            var key = detect(f);
            var score = TempoKeyScores.MirexKey(key.Tonic, key.IsMinor, tonic, minor);
            if (i % 2 == 0) { even += score; evenN++; } else { odd += score; oddN++; }
        }
        Console.WriteLine($"   key {label}  even {even / evenN:F3} odd {odd / oddN:F3} all {(even + odd) / (evenN + oddN):F3}");
    }
}

using System.Diagnostics;
using System.Globalization;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Bench.TempoKey.Baselines;
using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Tempo and key on real recordings with documented tempo and key (annotations.csv), beside
/// librosa's beat_track, a chroma + Krumhansl key and Debian's libqm-dsp, all in the same run.
/// Optionally reports octave plausibility on the Ishkur clips (no tempo annotations there:
/// the share of clips whose tempo falls in their family's usual range).
/// usage: bench tempokey --audio DIR [--annotations CSV] [--librosa-src DIR] [--qm BIN]
///        [--no-baselines] [--no-low-band] [--details] [--seconds S] [--ishkur [DIR]] [--per-genre N] [--family F]
///        [--pref BPM --width OCTAVES --acw W --backbeat W] [--no-levels] [--sweep [--key-only|--tempo-only]]
///        [--fit-levels [--annotated-weight W] [--l2 L]] [--sweep --key-only --dump-profiles OUT.csv]
///        [--fit-key DUMP.csv [DUMP.csv ...] [--l2 L]]
/// </summary>
internal static class TempoKeyBenchmark
{
    public static int Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var repo = BenchPaths.RepoRoot ?? Directory.GetCurrentDirectory();
        var annotationsPath = options.Get("--annotations") ?? Path.Combine(repo, "bench", "Bench", "TempoKey", "annotations.csv");
        var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        var frontEnd = new ProductFrontEnd();
        var defaults = new TempoOptions();
        double Setting(string name, double fallback) =>
            options.Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var tempo = new TempoEstimator(new TempoOptions
        {
            PreferredBpm = Setting("--pref", defaults.PreferredBpm),
            PreferenceWidthOctaves = Setting("--width", defaults.PreferenceWidthOctaves),
            AutocorrelationWeight = Setting("--acw", defaults.AutocorrelationWeight),
            BackbeatWeight = Setting("--backbeat", defaults.BackbeatWeight),
            LevelModel = options.Has("--no-levels") ? null : defaults.LevelModel,
        });
        var keyDetector = new KeyDetector();
        var krumhansl = new KeyDetector(new KeyDetectorOptions { Profile = KeyProfile.Krumhansl });
        var useLowBand = !options.Has("--no-low-band");

        if (options.Has("--fit-key"))
        {
            // tempokey --fit-key DUMP.csv [DUMP.csv ...] [--l2 0.1]: dumps from --sweep --dump-profiles.
            var dumps = args.SkipWhile(a => a != "--fit-key").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            KeyTemplateFit.Run(dumps, Setting("--l2", 0.1));
            return 0;
        }

        if (options.Get("--audio") is { } fitDir && options.Has("--fit-levels"))
        {
            var files = Directory.EnumerateFiles(fitDir, "*", SearchOption.AllDirectories)
                .GroupBy(Path.GetFileNameWithoutExtension).ToDictionary(g => g.Key!, g => g.First());
            var items = AnnotatedRecording.Load(annotationsPath).Where(r => files.ContainsKey(r.Id))
                .Select(r => (r, frontEnd.Compute(LoadWithOurDecoder(files[r.Id])))).ToList();
            MetricalLevelFitting.Run(items, Path.Combine(shared, "datasets", "ishkur-v2.5-audio"), frontEnd, path => LoadWithOurDecoder(path),
                Setting("--annotated-weight", 3), Setting("--l2", 0.1));
            return 0;
        }

        if (options.Get("--audio") is { } sweepDir && options.Has("--sweep"))
        {
            var files = Directory.EnumerateFiles(sweepDir, "*", SearchOption.AllDirectories)
                .GroupBy(Path.GetFileNameWithoutExtension).ToDictionary(g => g.Key!, g => g.First());
            // --seconds S: every recording cut to its first S seconds, as in the evaluation.
            var items = AnnotatedRecording.Load(annotationsPath).Where(r => files.ContainsKey(r.Id))
                .Select(r => (r, frontEnd.Compute(LoadWithOurDecoder(files[r.Id], MaxSeconds(options))))).ToList();
            if (options.Get("--dump-profiles") is { } dump)
            {
                KeyProfileDump.Write(items, dump);
                return 0;
            }
            if (!options.Has("--tempo-only"))
                KeySweep.Run(items);
            if (!options.Has("--key-only"))
                TempoSweep.Run(items);
            return 0;
        }

        if (options.Get("--audio") is { } audioDir)
        {
            var recordings = AnnotatedRecording.Load(annotationsPath);
            var files = Directory.EnumerateFiles(audioDir, "*", SearchOption.AllDirectories)
                .GroupBy(Path.GetFileNameWithoutExtension).ToDictionary(g => g.Key!, g => g.First());
            var baselines = !options.Has("--no-baselines");
            using var librosa = baselines
                ? LibrosaBaseline.TryStart(Path.Combine(repo, "bench", "Bench", "TempoKey", "Baselines", "librosa_tempo_key.py"),
                    options.Get("--librosa-src") ?? "/tmp/librosa-src", Path.Combine(shared, "dsp-reference", "shim"))
                : null;
            var qm = baselines ? QmDspBaseline.TryCreate(options.Get("--qm") ?? "/tmp/qm_tempo_key") : null;
            Console.WriteLine($"annotations: {annotationsPath} ({recordings.Count} recordings)");
            Console.WriteLine($"baselines: librosa {(librosa is null ? "not available" : "0.10.1 beat_track + chroma_stft/Krumhansl")}, " +
                              $"libqm-dsp {(qm is null ? "not available (build Baselines/build-qm-harness.sh)" : "TempoTrackV2 + GetKeyMode")}");
            var maxSeconds = MaxSeconds(options);
            if (maxSeconds is not null)
                Console.WriteLine($"each recording cut to its first {maxSeconds} s");
            Evaluate(recordings, files, frontEnd, tempo, keyDetector, krumhansl, librosa, qm, useLowBand, options.Has("--details"), maxSeconds);
        }

        if (options.Has("--ishkur"))
        {
            var dir = options.Get("--ishkur") is { } d && !d.StartsWith("--") ? d : Path.Combine(shared, "datasets", "ishkur-v2.5-audio");
            var perGenre = int.Parse(options.Get("--per-genre") ?? "2", CultureInfo.InvariantCulture);
            IshkurPlausibility(dir, perGenre, frontEnd, tempo, useLowBand, options.Get("--family"), options.Has("--details"));
        }
        return 0;
    }

    /// <summary>Faraldo's EDM profile: the product's key profile until the fitted pair (27 Nov 2026), kept as a reference row.</summary>
    private static readonly KeyDetector Edma = new(new KeyDetectorOptions { Profile = KeyProfile.ElectronicDanceMusic });

    private sealed record Outcome(AnnotatedRecording Recording, double Ours, double OursOnsetOnly, double? Librosa, double? Qm,
        KeyReading OurKey, KeyReading PcpEdma, KeyReading OurKrumhansl, KeyReading ChromaEdma, KeyReading ChromaEdmaRms, (int Tonic, bool Minor)? LibrosaKey, (int Tonic, bool Minor)? QmKey);

    private static void Evaluate(List<AnnotatedRecording> recordings, Dictionary<string, string> files, ProductFrontEnd frontEnd,
        TempoEstimator tempo, KeyDetector keyDetector, KeyDetector krumhansl, LibrosaBaseline? librosa, QmDspBaseline? qm,
        bool useLowBand, bool details, double? maxSeconds)
    {
        var outcomes = new List<Outcome>();
        var missing = new List<string>();
        var frontEndTime = new Stopwatch();
        var ourTime = new Stopwatch();
        var raw = Path.Combine(Path.GetTempPath(), $"tempokey-{Environment.ProcessId}.f32");
        try
        {
            foreach (var recording in recordings)
            {
                if (!files.TryGetValue(recording.Id, out var file)) { missing.Add(recording.Id); continue; }
                var samples = LoadWithOurDecoder(file, maxSeconds);
                frontEndTime.Start();
                var features = frontEnd.Compute(samples);
                frontEndTime.Stop();
                ourTime.Start();
                var reading = tempo.Estimate(features.Onset, useLowBand ? features.LowOnset : default, features.MidOnset);
                var key = keyDetector.DetectFromProfile(features.PitchClassProfile);
                ourTime.Stop();
                var kk = krumhansl.Detect(features.Chroma, features.Frames);
                // What TempoKeyReader and the CLI computed before issue #8's work: the onset strength alone.
                var onsetOnly = tempo.Estimate(features.Onset).Bpm;
                var pcpEdma = Edma.DetectFromProfile(features.PitchClassProfile);
                var chromaEdma = Edma.Detect(features.Chroma, features.Frames);
                // What TempoKeyReader and the CLI computed before issue #8's work: chroma weighted by RMS.
                var chromaEdmaRms = Edma.Detect(features.Chroma, features.Frames, features.Rms);

                (double Bpm, int Tonic, bool Minor)? lib = null, qmResult = null;
                if (librosa is not null)
                {
                    File.WriteAllBytes(raw, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
                    lib = librosa.Analyse(raw);
                }
                if (qm is not null)
                {
                    var qmSamples = FfmpegAudio.LoadMono(file, 44100);
                    if (maxSeconds is { } qmLimit && qmSamples.Length > qmLimit * 44100)
                        qmSamples = qmSamples[..(int)(qmLimit * 44100)];
                    qmResult = qm.Analyse(qmSamples);
                }
                var outcome = new Outcome(recording, reading.Bpm, onsetOnly, lib?.Bpm, qmResult?.Bpm, key, pcpEdma, kk, chromaEdma, chromaEdmaRms,
                    lib is { } l ? (l.Tonic, l.Minor) : null, qmResult is { } q && q.Tonic >= 0 ? (q.Tonic, q.Minor) : null);
                outcomes.Add(outcome);
                if (details)
                    PrintDetail(outcome, reading);

            }
        }
        finally
        {
            File.Delete(raw);
        }

        if (missing.Count > 0)
            Console.WriteLine($"audio not found for {missing.Count} recordings: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}");
        PrintSummary(outcomes, "all", _ => true);
        foreach (var collection in outcomes.Select(o => o.Recording.Collection).Distinct().Where(_ => outcomes.Count > 0))
            PrintSummary(outcomes, collection, o => o.Recording.Collection == collection);
        var audioSeconds = outcomes.Count * Math.Min(30.0, maxSeconds ?? 30.0);
        Console.WriteLine($"our time: front end (FeatureExtractor + tempo envelopes) {frontEndTime.Elapsed.TotalSeconds:F2} s, " +
                          $"tempo + key {ourTime.Elapsed.TotalMilliseconds:F0} ms for {outcomes.Count} recordings (about {audioSeconds:F0} s of audio)");
    }

    private static void PrintDetail(Outcome o, TempoReading reading)
    {
        var r = o.Recording;
        string Mark(double? bpm) => bpm is not { } b || r.TempoBpm is not { } t ? " " :
            TempoKeyScores.TempoExact(b, t) ? "=" : TempoKeyScores.TempoAllowingOctaves(b, t) ? "~" : "x";
        KeyNames.TryParse(r.Key, out var refTonic, out var refMinor);
        string KeyMark(int tonic, bool minor) => r.Key is null ? "" :
            TempoKeyScores.MirexKey(tonic, minor, refTonic, refMinor).ToString("0.0", CultureInfo.InvariantCulture);
        // InvariantGlobalization is on, so plain interpolation formats invariantly.
        Console.WriteLine(
            $"{r.Id,-22} ref {r.TempoBpm,7:F1} | ours {o.Ours,6:F1}{Mark(o.Ours)} (alt {reading.Alternative,6:F1}, conf {reading.Confidence:F2}) " +
            $"librosa {o.Librosa,6:F1}{Mark(o.Librosa)} qm {o.Qm,6:F1}{Mark(o.Qm)} | key {r.Key ?? "-",-9} ours {o.OurKey.Name,-9} {KeyMark(o.OurKey.Tonic, o.OurKey.IsMinor)} " +
            $"kk {o.OurKrumhansl.Name,-9} {KeyMark(o.OurKrumhansl.Tonic, o.OurKrumhansl.IsMinor)}" +
            (o.LibrosaKey is { } lk ? $" librosa-kk {KeyNames.Name(lk.Tonic, lk.Minor),-9} {KeyMark(lk.Tonic, lk.Minor)}" : "") +
            (o.QmKey is { } qk ? $" qm {KeyNames.Name(qk.Tonic, qk.Minor),-9} {KeyMark(qk.Tonic, qk.Minor)}" : ""));
    }

    private static void PrintSummary(List<Outcome> outcomes, string label, Func<Outcome, bool> filter)
    {
        var selected = outcomes.Where(filter).ToList();
        var range = new TempoOptions();
        var tempoItems = selected.Where(o => o.Recording.TempoBpm is not null).ToList();
        var keyItems = selected.Where(o => KeyNames.TryParse(o.Recording.Key, out _, out _)).ToList();
        string Tempo(Func<Outcome, double?> pick)
        {
            var scored = tempoItems.Where(o => pick(o) is not null).ToList();
            if (scored.Count == 0) return "n/a";
            var acc1 = scored.Count(o => TempoKeyScores.TempoExact(pick(o)!.Value, o.Recording.TempoBpm!.Value)) / (double)scored.Count;
            var acc2 = scored.Count(o => TempoKeyScores.TempoAllowingOctaves(pick(o)!.Value, o.Recording.TempoBpm!.Value)) / (double)scored.Count;
            // Annotations outside the product's range cannot be read by definition: score those apart.
            var inRange = scored.Where(o => o.Recording.TempoBpm!.Value >= range.MinBpm && o.Recording.TempoBpm!.Value <= range.MaxBpm).ToList();
            var accIn = inRange.Count(o => TempoKeyScores.TempoExact(pick(o)!.Value, o.Recording.TempoBpm!.Value)) / (double)Math.Max(1, inRange.Count);
            return string.Create(CultureInfo.InvariantCulture, $"{acc1:F3} / {acc2:F3} (n={scored.Count}); in {range.MinBpm:F0}-{range.MaxBpm:F0} BPM {accIn:F3} (n={inRange.Count})");
        }
        string Key(Func<Outcome, (int Tonic, bool Minor)?> pick)
        {
            var scored = keyItems.Where(o => pick(o) is not null).ToList();
            if (scored.Count == 0) return "n/a";
            var total = scored.Sum(o =>
            {
                KeyNames.TryParse(o.Recording.Key, out var t, out var m);
                var (tonic, minor) = pick(o)!.Value;
                return TempoKeyScores.MirexKey(tonic, minor, t, m);
            });
            var exact = scored.Count(o =>
            {
                KeyNames.TryParse(o.Recording.Key, out var t, out var m);
                return pick(o)!.Value == (t, m);
            });
            return string.Create(CultureInfo.InvariantCulture, $"{total / scored.Count:F3} (exact {exact / (double)scored.Count:F3}, n={scored.Count})");
        }
        Console.WriteLine($"== {label}: tempo accuracy within 4 % / allowing octave errors; within 4 % for annotations inside the product range");
        Console.WriteLine($"   ours (TempoEstimator)        {Tempo(o => o.Ours)}");
        Console.WriteLine($"   ours, onset strength only    {Tempo(o => o.OursOnsetOnly)}");
        Console.WriteLine($"   librosa beat_track           {Tempo(o => o.Librosa)}");
        Console.WriteLine($"   libqm-dsp TempoTrackV2       {Tempo(o => o.Qm)}");
        Console.WriteLine($"== {label}: key MIREX score");
        Console.WriteLine($"   ours (KeyDetector, default)  {Key(o => o.OurKey.Tonic >= 0 ? (o.OurKey.Tonic, o.OurKey.IsMinor) : null)}");
        Console.WriteLine($"   ours, PCP + EDMA (to 27 Nov) {Key(o => o.PcpEdma.Tonic >= 0 ? (o.PcpEdma.Tonic, o.PcpEdma.IsMinor) : null)}");
        Console.WriteLine($"   our chroma + EDMA            {Key(o => o.ChromaEdma.Tonic >= 0 ? (o.ChromaEdma.Tonic, o.ChromaEdma.IsMinor) : null)}");
        Console.WriteLine($"   our chroma + EDMA, RMS-wtd   {Key(o => o.ChromaEdmaRms.Tonic >= 0 ? (o.ChromaEdmaRms.Tonic, o.ChromaEdmaRms.IsMinor) : null)}");
        Console.WriteLine($"   our chroma + Krumhansl       {Key(o => o.OurKrumhansl.Tonic >= 0 ? (o.OurKrumhansl.Tonic, o.OurKrumhansl.IsMinor) : null)}");
        Console.WriteLine($"   librosa chroma + Krumhansl   {Key(o => o.LibrosaKey)}");
        Console.WriteLine($"   libqm-dsp GetKeyMode         {Key(o => o.QmKey)}");
    }

    private static void IshkurPlausibility(string dir, int perGenre, ProductFrontEnd frontEnd, TempoEstimator tempo, bool useLowBand,
        string? onlyFamily, bool details)
    {
        var manifest = Path.Combine(dir, "manifest.csv");
        if (!File.Exists(manifest)) { Console.WriteLine($"Ishkur manifest not found at {manifest}"); return; }
        var rows = File.ReadAllLines(manifest).Skip(1).Select(ParseManifestRow).Where(r => r is not null).Select(r => r!.Value).ToList();
        var chosen = rows.Where(r => onlyFamily is null || r.Family == onlyFamily).GroupBy(r => r.Genre).SelectMany(g => g.OrderBy(r => r.File, StringComparer.Ordinal).Take(perGenre)).ToList();
        Console.WriteLine($"== Ishkur clips: octave plausibility ({chosen.Count} clips, {perGenre} per genre; no tempo annotations: " +
                          "share inside the genre's usual range, GenreTempoRanges)");
        var results = new List<(string Family, string Genre, double Bpm, TempoRange? Range, double Refined)>();
        foreach (var row in chosen)
        {
            var samples = LoadWithOurDecoder(Path.Combine(dir, row.File));
            var f = frontEnd.Compute(samples);
            var reading = tempo.Estimate(f.Onset, useLowBand ? f.LowOnset : default, f.MidOnset);
            // What the pipeline does once the model has named the genre (here the clip's true genre).
            var refined = GenreTempoRanges.Refine(reading, row.Genre, row.Family).Bpm;
            results.Add((row.Family, row.Genre, reading.Bpm, GenreTempoRanges.For(row.Genre, row.Family), refined));
            if (details)
                Console.WriteLine($"   {row.File,-40} {reading.Bpm,6:F1} conf {reading.Confidence:F2} alt {reading.Alternative,6:F1} " +
                                  string.Join(" ", reading.Candidates.Take(5).Select(c => $"{c.Bpm:F1}:{c.Score:F2}")));
        }
        foreach (var family in results.GroupBy(r => r.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ranged = family.Where(r => r.Range is not null).ToList();
            var inside = ranged.Count(r => r.Range!.Contains(r.Bpm));
            var octave = ranged.Count(r => new[] { 1.0, 2, 0.5 }.Any(x => r.Range!.Contains(r.Bpm * x)));
            var refinedInside = ranged.Count(r => r.Range!.Contains(r.Refined));
            var bpms = family.Select(r => r.Bpm).Where(b => b > 0).OrderBy(b => b).ToList();
            var median = bpms.Count > 0 ? bpms[bpms.Count / 2] : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {family.Key,-10} clips {family.Count(),3}  in usual range {inside,3}/{ranged.Count,-3} ({(ranged.Count > 0 ? inside / (double)ranged.Count : 0):P0}), " +
                $"in range after an octave move {octave,3}/{ranged.Count,-3}  after Refine with the genre {refinedInside,3}/{ranged.Count,-3}  median {median:F1} BPM"));
        }
        var jungle = results.Where(r => r.Family == "Jungle" && r.Range is not null).ToList();
        if (jungle.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   Jungle clips reading 150-180 BPM: {jungle.Count(r => r.Bpm is >= 150 and <= 180)}/{jungle.Count}"));
    }

    private static (string File, string Genre, string Family)? ParseManifestRow(string line)
    {
        // file,genre,title,type,...
        var f = AnnotatedRecording.SplitCsv(line);
        return f.Length >= 4 && f[3].Length > 0 ? (f[0], f[1], f[3]) : null;
    }

    /// <summary>Our AudioLoader (own MP3 and WAV decoders, ffmpeg for other formats) at 22,050 Hz mono, cut to its first <paramref name="maxSeconds"/>.</summary>
    private static float[] LoadWithOurDecoder(string path, double? maxSeconds = null)
    {
        using var stream = File.OpenRead(path);
        var samples = GenreOrleans.Dsp.Decoding.AudioLoader.LoadMono(stream, ProductFrontEnd.SampleRate).Samples;
        return maxSeconds is { } limit && samples.Length > limit * ProductFrontEnd.SampleRate
            ? samples[..(int)(limit * ProductFrontEnd.SampleRate)]
            : samples;
    }

    private static double? MaxSeconds(BenchOptions options) =>
        options.Get("--seconds") is { } seconds ? double.Parse(seconds, CultureInfo.InvariantCulture) : null;

    private sealed class BenchOptions(string[] args)
    {
        public static BenchOptions Parse(string[] args) => new(args);
        public bool Has(string name) => args.Contains(name);
        public string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
        }
    }
}

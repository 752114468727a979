using System.Diagnostics;
using System.Globalization;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;
using GenreOrleans.Dsp.Spectral;
using GenreOrleans.Dsp.Tonal;

namespace GenreOrleans.Bench.Features;

/// <summary>
/// <c>bench features [--clip FILE] [--runs N] [--librosa]</c>: the full feature set of a 10 s
/// clip at 22,050 Hz on one thread (time per clip, allocations), the machine's FFT throughput
/// beside it, and optionally librosa 0.10.1's time for the same clip measured in the same run
/// (needs <c>/usr/bin/python3</c> and <c>LIBROSA_SRC</c>, see ../shared/dsp-reference/README.md).
/// </summary>
internal static class FeaturesBenchmark
{
    public static int Run(string[] args)
    {
        var clipPath = BenchArguments.Value(args, "--clip") ?? DefaultClip();
        var runs = int.Parse(BenchArguments.Value(args, "--runs") ?? "50", CultureInfo.InvariantCulture);
        var samples = clipPath is null ? Synthetic() : Load(clipPath);
        Console.WriteLine($"clip: {(clipPath ?? "synthetic drums + noise")}, {samples.Length} samples ({samples.Length / 22050.0:F2} s at 22,050 Hz)");
        Console.WriteLine($"runtime: .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs, SIMD {System.Numerics.Vector<double>.Count} doubles, one thread");

        var fft = FftThroughput();
        var extractor = new FeatureExtractor();
        // Warm up for a second, not a few calls: tiered JIT recompiles the hot loops (tier 1 /
        // OSR) on a background thread about 100 ms after they start, and that compile would
        // otherwise land inside the timed runs (slower code, and CPU time above wall time).
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 5 || warmUp.ElapsedMilliseconds < 1000; i++) extractor.Extract(samples);

        // Wall time per run, and the process's CPU time over all runs: on a shared, oversubscribed
        // machine the CPU time is the steadier figure (load average printed below).
        var times = new double[runs];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            extractor.Extract(samples);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        process.Refresh();
        var cpuPerClip = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        Array.Sort(times);
        var median = times[runs / 2];
        var frames = 1 + samples.Length / FeatureExtractor.HopSize;

        // Allocation of one steady-state call, and how much of it is the returned matrices.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var features = extractor.Extract(samples);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long output = features.Named().Sum(n => (long)n.Values.Data.Length * 4) - (long)features.Mfcc13.Data.Length * 4
            + features.Mfcc13.Data.Length * 4L + features.BeatOnsetEnvelope.Length * 4L;

        Console.WriteLine($"FFT: real 2048-point forward (double) {fft.NsPerTransform:F0} ns, {fft.TransformsPerSecond:N0}/s, {fft.Gflops:F2} GFLOP/s (5 N log2 N / 2 flops)");
        Console.WriteLine($"features: full set, {frames} frames: wall median {median:F2} ms, best {times[0]:F2} ms, worst {times[^1]:F2} ms per clip ({runs} runs); CPU {cpuPerClip:F2} ms per clip");
        Console.WriteLine($"load average: {LoadAverage()}");
        Console.WriteLine($"          {median * 1000 / frames:F1} us per frame = {median / fft.NsPerTransform * 1e6 / frames:F1} FFTs' worth per frame; {samples.Length / 22050.0 / (median / 1000):F0}x real time");
        Console.WriteLine($"allocated per clip: {allocated:N0} bytes, of which result arrays {output:N0} bytes ({(allocated - output) / (double)frames:F1} bytes per frame besides the result)");
        Console.WriteLine($"target: <= 18 ms per 10 s clip (1/10 of librosa's ~0.18 s), aim 6 ms: best wall {(times[0] <= 18 ? "met" : "missed")}, CPU {(cpuPerClip <= 18 ? "met" : "missed")}");

        ProductTempoKey(samples, features, runs, median);

        if (args.Contains("--librosa"))
        {
            var librosa = LibrosaSeconds(clipPath);
            if (librosa is { } seconds)
                Console.WriteLine($"librosa 0.10.1 same clip, same machine, best of 5 wall: {seconds * 1000:F1} ms per clip -> ours (best wall) is {seconds * 1000 / times[0]:F1}x faster");
            else
                Console.WriteLine("librosa: not measured (needs /usr/bin/python3, LIBROSA_SRC and the clip as a file)");
        }
        return 0;
    }

    /// <summary>
    /// The product's tempo and key beside the features (outside parity): the key pitch-class
    /// profile, which <see cref="FeatureExtractor"/> computes inside Extract and is timed here
    /// alone on the clip's power frames, and the tempo envelopes + estimator + key detector that
    /// run after it. Both as medians of <paramref name="runs"/> runs, same process as the features.
    /// </summary>
    private static void ProductTempoKey(float[] samples, AudioFeatures features, int runs, double featuresMedian)
    {
        var stft = new Stft(FeatureExtractor.FftSize, FeatureExtractor.HopSize);
        var frames = stft.FrameCount(samples.Length);
        var bins = stft.BinCount;
        var power = new float[frames * bins];
        var magnitude = new float[bins];
        for (var t = 0; t < frames; t++)
        {
            stft.Magnitude(samples, t, magnitude);
            for (var k = 0; k < bins; k++) power[t * bins + k] = magnitude[k] * magnitude[k];
        }
        var profile = new PitchClassProfile(FeatureExtractor.SampleRate, FeatureExtractor.FftSize);
        var tempo = new TempoEstimator();
        var key = new KeyDetector();
        double Median(Action action)
        {
            for (var i = 0; i < 3; i++) action();
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                times[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return times[runs / 2];
        }
        var profileMs = Median(() =>
        {
            profile.Reset(features.Tuning);
            for (var t = 0; t < frames; t++) profile.AddFrame(power.AsSpan(t * bins, bins));
        });
        var readMs = Median(() =>
        {
            tempo.Estimate(TempoEnvelopes.FromLogMel(features.MelDb, FeatureExtractor.SampleRate));
            key.Detect(features);
        });
        Console.WriteLine($"product tempo + key: key pitch-class profile (inside the features above) {profileMs:F2} ms per clip " +
                          $"({profileMs / featuresMedian:P0} of the features); tempo envelopes + estimate + key {readMs:F2} ms per clip (medians of {runs} runs)");
    }

    private static (double NsPerTransform, double TransformsPerSecond, double Gflops) FftThroughput()
    {
        var fft = new RealFft(2048);
        var input = new double[2048];
        var random = new Random(1);
        for (var i = 0; i < input.Length; i++) input[i] = random.NextDouble() - 0.5;
        var re = new double[1025];
        var im = new double[1025];
        // Time-based warm-up so that the timed loop runs tier-1 code (see the features warm-up).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 500) fft.Forward(input, re, im);
        const int count = 20000;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) fft.Forward(input, re, im);
        var ns = sw.Elapsed.TotalMilliseconds * 1e6 / count;
        var flops = 5.0 * 2048 * 11 / 2;
        return (ns, 1e9 / ns, flops / ns);
    }

    private static double? LibrosaSeconds(string? clipPath)
    {
        var src = Environment.GetEnvironmentVariable("LIBROSA_SRC");
        var reference = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "dsp-reference"));
        if (clipPath is null || string.IsNullOrEmpty(src) || !File.Exists("/usr/bin/python3") || !Directory.Exists(reference)) return null;
        var script = string.Join("\n",
            "import sys, time",
            $"sys.path.insert(0, {Quote(reference)})",
            "import features, librosa",
            $"y, sr = librosa.load({Quote(clipPath)}, sr=22050, mono=True)",
            "features.compute_features(y, sr)",
            "times = []",
            "for _ in range(5):",
            "    t0 = time.perf_counter()",
            "    features.compute_features(y, sr)",
            "    times.append(time.perf_counter() - t0)",
            "print(min(times))");
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.Environment["LIBROSA_SRC"] = src;
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["OPENBLAS_NUM_THREADS"] = "1";
        info.Environment["NUMBA_NUM_THREADS"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Trim().Split('\n').LastOrDefault();
        return process.ExitCode == 0 && double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static string? DefaultClip()
    {
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared",
            "dsp-reference", "fixtures", "drums120_22050_mono_s16.wav"));
        return File.Exists(shared) ? shared : null;
    }

    private static float[] Load(string path)
    {
        using var stream = File.OpenRead(path);
        return AudioLoader.LoadMono(stream, FeatureExtractor.SampleRate).Samples;
    }

    private static float[] Synthetic()
    {
        var samples = new float[22050 * 10];
        var random = new Random(5);
        for (var i = 0; i < samples.Length; i++)
        {
            var sinceKick = i % 11025;
            samples[i] = (float)(0.6 * Math.Exp(-sinceKick / 1500.0) * Math.Sin(2 * Math.PI * 55 * sinceKick / 22050)
                + 0.1 * (random.NextDouble() - 0.5) + 0.2 * Math.Sin(2 * Math.PI * 440 * i / 22050));
        }
        return samples;
    }
}

using System.Diagnostics;
using System.Globalization;
using GenreOrleans.Dsp.Decoding.Mp3;
using NLayer;

namespace GenreOrleans.Bench.Decoding;

/// <summary>
/// MP3 decoding throughput: decoded seconds of audio per CPU second, single thread, for our decoder, mpg123,
/// ffmpeg and NLayer on the same files in one run, with the ratio to mpg123; and our allocations per decoded minute.
/// Usage: bench decoder [--dataset-clips N] [--seconds S] [--repeat R] [--set TEXT] [--mpg123-only]
/// (--set keeps the sets whose name contains TEXT, e.g. "128 kbps" or "dataset"; --mpg123-only skips ffmpeg and
/// NLayer for quick before/after checks).
/// </summary>
public static class DecoderBenchmark
{
    public static int Run(string[] args)
    {
        var clips = IntOption(args, "--dataset-clips", 120);
        var seconds = IntOption(args, "--seconds", 60);
        var repeat = IntOption(args, "--repeat", 3);
        var references = !args.Contains("--mpg123-only");
        var only = StringOption(args, "--set");
        var work = Directory.CreateTempSubdirectory("genre-decoder-bench-");
        try
        {
            var sets = new List<(string Name, string[] Files)>();
            if (Tool("lame") is { } lame)
            {
                var wav = Path.Combine(work.FullName, "signal.wav");
                SyntheticSignal.WriteWav(wav, 44100, seconds);
                foreach (var kbps in new[] { 128, 192, 320 })
                {
                    var mp3 = Path.Combine(work.FullName, $"synthetic-44k-{kbps}.mp3");
                    RunTool(lame, $"--quiet -b {kbps} {wav} {mp3}");
                    sets.Add(($"44.1 kHz stereo {kbps} kbps (synthetic, {seconds} s)", [mp3]));
                }
            }
            else
            {
                Console.WriteLine("lame not found: skipping the 44.1 kHz sets");
            }
            var dataset = BenchPaths.Dataset;
            if (dataset is not null)
            {
                var files = Directory.GetFiles(dataset, "*.mp3", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Where((_, i) => i % 7 == 0).Take(clips).ToArray();
                sets.Add(($"dataset clips ({files.Length}, 22.05 kHz)", files));
            }
            else
            {
                Console.WriteLine("dataset not found (../shared/datasets/ishkur-v2.5-audio): skipping it");
            }

            Console.WriteLine($"MP3 decoding, single thread, {repeat} repetitions; throughput = decoded audio seconds per CPU second");
            foreach (var (name, files) in sets.Where(set => only is null || set.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
                Measure(name, files, repeat, references);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Measure(string name, string[] files, int repeat, bool references)
    {
        var bytes = files.Select(File.ReadAllBytes).ToArray();
        var audioSeconds = 0.0;
        foreach (var file in bytes)
        {
            using var decoder = new Mp3Decoder(new MemoryStream(file));
            audioSeconds += DecodeAll(decoder) / (double)decoder.Info.Channels / decoder.Info.SampleRate;
        }

        // Warm up until the JIT has produced its optimised code for the hot loops (tiered compilation).
        for (var warmup = 0; warmup < 4; warmup++)
        {
            foreach (var file in bytes.Take(20))
            {
                using var decoder = new Mp3Decoder(new MemoryStream(file));
                DecodeAll(decoder);
            }
            if (references)
                DecodeWithNLayer(bytes.Take(5).ToArray());
        }
        Thread.Sleep(500); // let the background JIT install its optimised code before timing

        // The decoders take turns within each repetition, so a load change on a shared machine hits all of them
        // alike; the ratio to mpg123 is taken per repetition and its median reported.
        var mpg123Tool = Tool("mpg123");
        var ffmpegTool = references ? Tool("ffmpeg") : null;
        var ours = new List<double>();
        var mpg123 = new List<double>();
        var ffmpeg = new List<double>();
        var nlayer = new List<double>();
        var nlayerFailures = 0;
        for (var r = 0; r < repeat; r++)
        {
            ours.Add(CpuSeconds(() =>
            {
                foreach (var file in bytes)
                {
                    using var decoder = new Mp3Decoder(new MemoryStream(file));
                    DecodeAll(decoder);
                }
            }));
            if (mpg123Tool is not null)
                mpg123.Add(ChildCpuSeconds($"{Quote(mpg123Tool)} -q -e f32 -s {string.Join(' ', files.Select(Quote))} > /dev/null"));
            if (ffmpegTool is not null)
                ffmpeg.Add(FfmpegCpuSeconds(ffmpegTool, files));
            if (references)
                nlayer.Add(CpuSeconds(() => nlayerFailures = DecodeWithNLayer(bytes)));
        }
        var allocated = AllocatedPerMinute(bytes, audioSeconds);

        Console.WriteLine();
        Console.WriteLine($"{name}: {audioSeconds:F1} s of audio; median (min-max) of {repeat}");
        double? mpgMedian = mpg123.Count > 0 ? Median(mpg123) : null;
        Row("ours (GenreOrleans.Dsp)", audioSeconds, ours, mpgMedian);
        if (mpg123.Count > 0)
            Row("mpg123 -e f32", audioSeconds, mpg123, mpgMedian);
        if (ffmpeg.Count > 0)
            Row("ffmpeg -threads 1", audioSeconds, ffmpeg, mpgMedian);
        if (nlayer.Count > 0)
            Row($"NLayer 3.0.1{(nlayerFailures > 0 ? $" ({nlayerFailures} files threw)" : "")}", audioSeconds, nlayer, mpgMedian);
        if (mpg123.Count > 0)
        {
            // Throughput ratio = mpg123 CPU time / our CPU time, pairing the runs of the same repetition.
            var ratios = ours.Zip(mpg123, (o, m) => m / o).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ours / mpg123 throughput, per repetition: median {Median(ratios):F2} (min {ratios.Min():F2}, max {ratios.Max():F2})"));
        }
        Console.WriteLine($"  ours allocates {allocated / 1024.0:F1} KiB per decoded minute (decoder construction included)");
    }

    private static void Row(string name, double audioSeconds, List<double> cpuSeconds, double? mpg123)
    {
        var median = Median(cpuSeconds);
        var throughput = audioSeconds / median;
        var ratio = mpg123 is { } m ? $"{m / median:F2}x mpg123" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-34} {median,7:F3} CPU s ({cpuSeconds.Min():F3}-{cpuSeconds.Max():F3})  {throughput,6:F0} x real time  {ratio}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long DecodeAll(Mp3Decoder decoder)
    {
        var buffer = new float[4608];
        long total = 0;
        int n;
        while ((n = decoder.Read(buffer)) > 0)
            total += n;
        return total;
    }

    private static double AllocatedPerMinute(byte[][] files, double audioSeconds)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var file in files)
        {
            using var decoder = new Mp3Decoder(new MemoryStream(file));
            DecodeAll(decoder);
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (audioSeconds / 60);
    }

    private static int DecodeWithNLayer(byte[][] files)
    {
        var failures = 0;
        var buffer = new float[4608];
        foreach (var file in files)
        {
            try
            {
                using var mpeg = new MpegFile(new MemoryStream(file));
                while (mpeg.ReadSamples(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (Exception)
            {
                failures++; // NLayer throws on some LSF joint-stereo files; they count with the time spent
            }
        }
        return failures;
    }

    private static double CpuSeconds(Action action)
    {
        var thread = Process.GetCurrentProcess();
        var start = thread.TotalProcessorTime;
        action();
        thread.Refresh();
        return (thread.TotalProcessorTime - start).TotalSeconds;
    }

    private static double FfmpegCpuSeconds(string ffmpeg, string[] files)
    {
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(list, files.Select(f => $"file '{f.Replace("'", "'\\''")}'"));
            return ChildCpuSeconds($"{Quote(ffmpeg)} -nostdin -v fatal -threads 1 -f concat -safe 0 -i {Quote(list)} -f f32le -y /dev/null");
        }
        finally
        {
            File.Delete(list);
        }
    }

    /// <summary>User + system CPU time of a shell command's children, from bash's <c>times</c>.</summary>
    private static double ChildCpuSeconds(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command + "; times");
        using var process = Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().Trim().Split('\n');
        process.WaitForExit();
        // Second line: children's user and system time, e.g. "0m1.234s 0m0.056s".
        return lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(ParseTimes);
    }

    private static double ParseTimes(string value)
    {
        var m = value.IndexOf('m');
        return int.Parse(value[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(value[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";

    private static void RunTool(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}

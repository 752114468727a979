using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using static TorchSharp.torch;

namespace GenreOrleans.Bench.Inference;

/// <summary>
/// <c>bench inference [--model dir] [--mp3 file] [--cli genre] [--reference-cli genre] [--cli-runs n]</c>:
/// model windows per second at batch 1, 8 and 32 with 1 and 2 threads, the in-process time from a
/// 5-minute 44.1 kHz MP3 to its result, stage by stage, against the track's own duration (x real
/// time) and the 2 s target, and the same as a <c>genre analyze</c> process (see <see cref="CliProcessTiming"/>).
/// </summary>
public static class InferenceBenchmark
{
    public static int Run(string[] args)
    {
        var modelDirectory = BenchArguments.Value(args, "--model") ?? ModelLocator.FindDefault();
        var mp3 = BenchArguments.Value(args, "--mp3") ?? FiveMinuteMp3.Ensure();
        using var session = InferenceSession.Load(modelDirectory);
        var analyzer = new TrackAnalyzer(session.Manifest!, new TempoKeyReader());
        Console.WriteLine($"model {session.ModelVersion} on {session.DeviceName}; {Environment.ProcessorCount} cores");

        var (_, features) = BenchTrack.Load(analyzer, mp3);

        Console.WriteLine();
        Console.WriteLine("threads  batch  windows/s  ms/batch  vs batch 1");
        foreach (var threads in new[] { 1, 2 })
        {
            set_num_threads(threads);
            double? single = null;
            foreach (var batchSize in new[] { 1, 8, 32 })
            {
                var (perSecond, msPerBatch) = WindowThroughput.Measure(session, WindowThroughput.Slice(features.Windows, batchSize));
                single ??= perSecond;
                Console.WriteLine($"{threads,7}  {batchSize,5}  {perSecond,9:F1}  {msPerBatch,8:F1}  {perSecond / single.Value,9:F2}x");
            }
        }

        // As genre analyze runs: one torch thread, the tempo/key pass on the other core.
        set_num_threads(1);
        Console.WriteLine();
        Console.WriteLine($"5-minute MP3 to result, in process, as genre analyze runs it ({mp3}):");
        for (var run = 1; run <= 3; run++)
        {
            var clock = Stopwatch.StartNew();
            using var input = File.OpenRead(mp3);
            var decodedTrack = analyzer.Decode(input, CancellationToken.None);
            var decodeSeconds = clock.Elapsed.TotalSeconds;
            var analysed = analyzer.AnalyzeDecodedAsync(decodedTrack, session, null, CancellationToken.None).GetAwaiter().GetResult();
            var total = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  run {run}: {total:F2} s (decode {decodeSeconds:F2}, rest {total - decodeSeconds:F2}); target 2 s: {(total <= 2 ? "met" : "missed")}; top genre {analysed.Genres[0].Slug}");
        }
        Console.WriteLine();
        Console.WriteLine("The same, stage by stage (Extract runs its two passes side by side but before the model):");
        for (var run = 1; run <= 3; run++)
        {
            var total = Stopwatch.StartNew();
            var stage = Stopwatch.StartNew();
            using var stream = File.OpenRead(mp3);
            var decoded = analyzer.Decode(stream, CancellationToken.None);
            var decode = stage.Elapsed.TotalSeconds;
            stage.Restart();
            var extracted = analyzer.Extract(decoded, CancellationToken.None);
            var extract = stage.Elapsed.TotalSeconds;
            stage.Restart();
            var scores = analyzer.ScoreAsync(extracted, session, CancellationToken.None).GetAwaiter().GetResult();
            var score = stage.Elapsed.TotalSeconds;
            stage.Restart();
            var result = analyzer.BuildResult(decoded, extracted, scores);
            var build = stage.Elapsed.TotalSeconds;
            var seconds = total.Elapsed.TotalSeconds;
            Console.WriteLine(
                $"  run {run}: {seconds:F2} s total (decode {decode:F2}, features {extract:F2}, model {score:F2} for {scores.WindowCount} windows, result {build:F3}); " +
                $"{decoded.Facts.DurationSeconds / seconds:F0}x real time; target 2 s: {(seconds <= 2 ? "met" : "missed")}; top genre {result.Genres[0].Slug}");
        }

        CliProcessTiming.Run(mp3, BenchArguments.Value(args, "--cli"), BenchArguments.Value(args, "--reference-cli"),
            int.Parse(BenchArguments.Value(args, "--cli-runs") ?? "7", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }
}

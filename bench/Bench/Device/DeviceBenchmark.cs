using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Bench.Inference;
using static TorchSharp.torch;

namespace GenreOrleans.Bench.Device;

/// <summary>
/// <c>bench device [--model dir] [--mp3 file]</c>: the model on CUDA against the same model on the CPU,
/// in one process, on the windows of one track: the largest difference between their window
/// probabilities, the track's result from each, and windows per second at batch 1, 32 and the
/// session's largest pass. Exits 1 when torch sees no CUDA device (see docs/model.md, "GPU").
/// </summary>
public static class DeviceBenchmark
{
    public static int Run(string[] args)
    {
        if (!cuda.is_available())
        {
            Console.WriteLine("torch sees no CUDA device: nothing to compare (docs/model.md, \"GPU\", says how to give it one)");
            return 1;
        }
        var modelDirectory = BenchArguments.Value(args, "--model") ?? ModelLocator.FindDefault();
        var mp3 = BenchArguments.Value(args, "--mp3") ?? FiveMinuteMp3.Ensure();
        using var onCpu = InferenceSession.Load(modelDirectory, CPU);
        using var onGpu = InferenceSession.Load(modelDirectory, CUDA);
        var analyzer = new TrackAnalyzer(onCpu.Manifest!, new TempoKeyReader());
        Console.WriteLine($"model {onCpu.ModelVersion}; {cuda.device_count()} CUDA device(s); CPU with {get_num_threads()} torch threads of {Environment.ProcessorCount} cores");

        var (track, features) = BenchTrack.Load(analyzer, mp3);

        var cpuScores = analyzer.ScoreAsync(features, onCpu, CancellationToken.None).GetAwaiter().GetResult();
        var gpuScores = analyzer.ScoreAsync(features, onGpu, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine();
        Console.WriteLine($"{features.Windows.WindowCount} windows of {mp3}:");
        Console.WriteLine($"  largest |CUDA - CPU| window probability: genres {LargestDifference(gpuScores.Genres, cpuScores.Genres):E2}, " +
                          $"families {LargestDifference(gpuScores.Families, cpuScores.Families):E2}; " +
                          $"same top genre in {SameTopCount(gpuScores, cpuScores)} of {cpuScores.WindowCount} windows");
        foreach (var (name, scores) in new[] { ("CPU", cpuScores), ("CUDA", gpuScores) })
        {
            var result = analyzer.BuildResult(track, features, scores);
            var top = string.Join(", ", result.Genres.Take(3).Select(g => $"{g.Slug} {g.Probability:F4}"));
            Console.WriteLine($"  {name,-4} result: {top}; low confidence {result.LowConfidence}");
        }

        Console.WriteLine();
        Console.WriteLine("device  batch  windows/s  ms/batch");
        foreach (var (name, session) in new[] { ("CPU", onCpu), ("CUDA", onGpu) })
        {
            foreach (var batchSize in new[] { 1, 32, session.MaxBatch })
            {
                var (perSecond, msPerBatch) = WindowThroughput.Measure(session, WindowThroughput.Slice(features.Windows, batchSize), seconds: 2);
                Console.WriteLine($"{name,6}  {batchSize,5}  {perSecond,9:F1}  {msPerBatch,8:F2}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("the track's model pass (all its windows, as genre analyze scores them):");
        foreach (var (name, session) in new[] { ("CPU", onCpu), ("CUDA", onGpu) })
        {
            var clock = Stopwatch.StartNew();
            for (var run = 0; run < 5; run++)
                analyzer.ScoreAsync(features, session, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"  {name,-4} {clock.Elapsed.TotalMilliseconds / 5:F1} ms");
        }
        return 0;
    }

    private static double LargestDifference(float[] a, float[] b)
    {
        var largest = 0.0;
        for (var i = 0; i < a.Length; i++)
            largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        return largest;
    }

    private static int SameTopCount(WindowScores a, WindowScores b)
    {
        var same = 0;
        for (var w = 0; w < a.WindowCount; w++)
        {
            if (ArgMax(a.Genres.AsSpan(w * a.GenreCount, a.GenreCount)) == ArgMax(b.Genres.AsSpan(w * b.GenreCount, b.GenreCount)))
                same++;
        }
        return same;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
                best = i;
        }
        return best;
    }
}

using System.Diagnostics;

namespace GenreOrleans.Bench.Inference;

/// <summary>
/// The figure a user sees: <c>genre analyze FILE --json</c> as a process, start-up, model load
/// and exit included, median of several runs; optionally beside another build of the CLI
/// (<c>--reference-cli</c>, e.g. the previous release) measured in the same run, alternating.
/// </summary>
internal static class CliProcessTiming
{
    public static void Run(string mp3, string? cli, string? referenceCli, int runs)
    {
        cli ??= FindCli();
        if (cli is null)
        {
            Console.WriteLine("genre analyze as a process: skipped (build src/Cli in Release, or pass --cli <path to genre>)");
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"genre analyze as a process (start-up and model load included), {runs} runs each, alternating:");
        var ours = new List<double>();
        var reference = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            ours.Add(Seconds(cli, mp3));
            if (referenceCli is not null)
                reference.Add(Seconds(referenceCli, mp3));
        }
        var median = Median(ours);
        Console.WriteLine($"  {cli}: median {median:F2} s (min {ours.Min():F2}, max {ours.Max():F2}); target 2 s: {(median <= 2 ? "met" : "missed")}");
        if (referenceCli is not null)
        {
            var referenceMedian = Median(reference);
            Console.WriteLine($"  {referenceCli}: median {referenceMedian:F2} s (min {reference.Min():F2}, max {reference.Max():F2})");
            Console.WriteLine($"  ours / reference: {median / referenceMedian:F2}");
        }
    }

    private static double Seconds(string cli, string mp3)
    {
        var info = new ProcessStartInfo(cli, ["analyze", mp3, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{cli} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{cli} failed with exit code {process.ExitCode}: {errors.Result}{output.Result}");
        return seconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? FindCli()
    {
        var cli = BenchPaths.RepoRoot is { } root ? Path.Combine(root, "src", "Cli", "bin", "Release", "net10.0", "genre") : null;
        return File.Exists(cli) ? cli : null;
    }
}

using System.Diagnostics;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Bench.Inference;

/// <summary>Model windows per second at a given batch size, the way both inference benchmarks time it.</summary>
internal static class WindowThroughput
{
    /// <summary>One warm-up pass, then passes for at least <paramref name="seconds"/> and 3 passes.</summary>
    public static (double WindowsPerSecond, double MillisecondsPerBatch) Measure(InferenceSession session, WindowBatch batch, double seconds = 3)
    {
        session.ScoreAsync(batch).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        var batches = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds) || batches < 3)
        {
            session.ScoreAsync(batch).GetAwaiter().GetResult();
            batches++;
        }
        return (batches * batch.WindowCount / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalMilliseconds / batches);
    }

    /// <summary>The first <paramref name="count"/> windows of a track, cycling through it when it has fewer.</summary>
    public static WindowBatch Slice(WindowBatch windows, int count)
    {
        var size = windows.MelBands * windows.FramesPerWindow;
        var mel = new float[count * size];
        var summary = new float[count * windows.SummaryLength];
        for (var i = 0; i < count; i++)
        {
            var source = i % windows.WindowCount;
            Array.Copy(windows.Mel, source * size, mel, i * size, size);
            Array.Copy(windows.Summary, source * windows.SummaryLength, summary, i * windows.SummaryLength, windows.SummaryLength);
        }
        return new WindowBatch(mel, summary, count, windows.MelBands, windows.FramesPerWindow, windows.SummaryLength);
    }
}

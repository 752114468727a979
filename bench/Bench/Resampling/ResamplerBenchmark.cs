using System.Diagnostics;
using System.Globalization;
using GenreOrleans.Dsp.Resampling;

namespace GenreOrleans.Bench.Resampling;

/// <summary>
/// <c>bench resampler [--seconds S] [--runs N]</c>: converting S seconds (default 300) of mono audio to
/// the analysis rate, 22,050 Hz, from the usual source rates: the whole signal (<see cref="Resampler.Process"/>)
/// and streamed in 4,096-sample pieces, against the reference measured in the same run, the filter
/// evaluated one output sample at a time (how every rate was resampled before the halving and
/// four-output paths; bit for bit the same values, which this benchmark checks too).
/// </summary>
internal static class ResamplerBenchmark
{
    private const int AnalysisRate = 22050;

    public static int Run(string[] args)
    {
        var seconds = int.Parse(BenchArguments.Value(args, "--seconds") ?? "300", CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchArguments.Value(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        Console.WriteLine($"{seconds} s of mono audio to {AnalysisRate} Hz, best of {runs} runs each, one thread; reference = one output sample at a time");
        Console.WriteLine($"{"input rate",10}  {"taps",5}  {"reference",10}  {"whole",10}  {"streamed",10}  {"ratio whole",11}  {"ratio streamed",14}");
        foreach (var rate in new[] { 44100, 48000, 32000, 96000 })
        {
            var resampler = new Resampler(rate, AnalysisRate);
            var input = Signal(rate * seconds, rate);
            float[] expected = [];
            var reference = Best(runs, () => expected = OneAtATime(resampler, input));
            float[] whole = [];
            var wholeMs = Best(runs, () => whole = resampler.Process(input));
            var streamedMs = Best(runs, () => Stream(resampler, input));
            if (!whole.AsSpan().SequenceEqual(expected))
            {
                Console.Error.WriteLine($"{rate} Hz: the fast path's samples differ from the reference's");
                return 1;
            }
            Console.WriteLine($"{rate,10}  {resampler.TapsPerPhase,5}  {reference,8:F0} ms  {wholeMs,7:F0} ms  {streamedMs,7:F0} ms  {wholeMs / reference,11:F2}  {streamedMs / reference,14:F2}");
        }
        return 0;
    }

    /// <summary>The per-sample path: each output's dot product on its own, as <see cref="Resampler.Process"/> did for every rate.</summary>
    private static float[] OneAtATime(Resampler resampler, float[] input)
    {
        var output = new float[resampler.OutputLength(input.Length)];
        var taps = resampler.TapsPerPhase;
        var padded = new float[input.Length + taps + 1];
        input.CopyTo(padded, taps / 2);
        for (var n = 0; n < output.Length; n++)
            output[n] = resampler.OutputSample(n, padded.AsSpan((int)(resampler.InputIndex(n) + 1), taps));
        return output;
    }

    private static void Stream(Resampler resampler, float[] input)
    {
        var stream = resampler.CreateStream();
        for (var start = 0; start < input.Length; start += 4096)
            stream.Write(input.AsSpan(start, Math.Min(4096, input.Length - start)));
        stream.Complete();
    }

    /// <summary>A chord with a little noise: the values do not matter for speed, only that they are not zeros.</summary>
    private static float[] Signal(int length, int rate)
    {
        var random = new Random(1);
        var signal = new float[length];
        for (var i = 0; i < length; i++)
        {
            var t = (double)i / rate;
            signal[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 220 * t) + 0.2 * Math.Sin(2 * Math.PI * 277.2 * t) + 0.05 * (random.NextDouble() - 0.5));
        }
        return signal;
    }

    private static double Best(int runs, Action action)
    {
        action(); // warm-up: tiered compilation
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}

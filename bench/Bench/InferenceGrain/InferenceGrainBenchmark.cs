using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Grains.Hosting;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenreOrleans.Bench.InferenceGrain;

/// <summary>
/// Windows per second through a silo's InferenceGrain when several tracks score at once, with
/// batching off (one window per forward pass) as the reference and the default batching
/// (32 windows / 10 ms), measured in the same run on the same model.
/// Usage: bench inference-grain [--model DIR] [--tracks 8] [--requests 4] [--windows 12]
/// </summary>
public static class InferenceGrainBenchmark
{
    public static int Run(string[] args)
    {
        var model = BenchArguments.Value(args, "--model") ?? ModelLocator.FindDefault();
        var tracks = int.Parse(BenchArguments.Value(args, "--tracks") ?? "8");
        var requests = int.Parse(BenchArguments.Value(args, "--requests") ?? "4");
        var windows = int.Parse(BenchArguments.Value(args, "--windows") ?? "12");
        var manifest = ModelManifest.Read(model);
        Console.WriteLine($"model {manifest.Name}@{manifest.Version}; {tracks} tracks at once, each {requests} requests of {windows} windows");

        var unbatched = Measure(model, manifest, maxBatch: 1, maxWaitMs: 0, tracks, requests, windows);
        var batched = Measure(model, manifest, maxBatch: 32, maxWaitMs: 10, tracks, requests, windows);
        Print("no batching (1 window / pass)", unbatched, unbatched);
        Print("batching (32 windows / 10 ms)", batched, unbatched);
        return 0;
    }

    private sealed record Figures(double WindowsPerSecond, double WindowsPerPass, double MeanRequestMs);

    private static void Print(string name, Figures figures, Figures reference) =>
        Console.WriteLine($"{name,-32} {figures.WindowsPerSecond,8:F1} windows/s  {figures.WindowsPerPass,5:F1} windows/pass  " +
                          $"{figures.MeanRequestMs,7:F1} ms/request  x{figures.WindowsPerSecond / reference.WindowsPerSecond:F2}");

    private static Figures Measure(string model, ModelManifest manifest, int maxBatch, int maxWaitMs, int tracks, int requests, int windows)
    {
        var data = Directory.CreateTempSubdirectory("genre-bench-");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DataDirectory.ConfigurationKey] = data.FullName,
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
            ["Inference:ModelDirectory"] = model,
            ["Inference:MaxBatchWindows"] = maxBatch.ToString(),
            ["Inference:MaxWaitMilliseconds"] = maxWaitMs.ToString(),
            ["Orleans:Metadata:gpu"] = LocalSiloMetadata.Auto,
        });
        builder.UseGenreOrleansSilo();
        using var host = builder.Build();
        host.Start();
        try
        {
            var inference = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey);
            var batch = RandomWindows(manifest, windows);
            inference.ScoreAsync(batch).GetAwaiter().GetResult(); // activation, model load, first-pass warm-up
            var before = inference.GetStatusAsync().GetAwaiter().GetResult();
            if (maxBatch == 1)
                Console.WriteLine($"silo metadata gpu={host.Services.GetRequiredService<LocalSiloMetadata>().Values["gpu"]}; the grain serves {before.ModelVersion} on {before.Device}");

            var requestMs = new double[tracks * requests];
            var clock = Stopwatch.StartNew();
            Task.WhenAll(Enumerable.Range(0, tracks).Select(track => Task.Run(async () =>
            {
                for (var r = 0; r < requests; r++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await inference.ScoreAsync(batch);
                    requestMs[track * requests + r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }))).GetAwaiter().GetResult();
            var elapsed = clock.Elapsed.TotalSeconds;

            var after = inference.GetStatusAsync().GetAwaiter().GetResult();
            var scored = after.WindowsScored - before.WindowsScored;
            return new Figures(scored / elapsed, (double)scored / (after.BatchesRun - before.BatchesRun), requestMs.Average());
        }
        finally
        {
            host.StopAsync().GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static WindowBatch RandomWindows(ModelManifest manifest, int windows)
    {
        var random = new Random(1);
        var network = manifest.Network;
        var mel = new float[windows * network.MelBands * network.FramesPerWindow];
        var summary = new float[windows * network.SummaryLength];
        for (var i = 0; i < mel.Length; i++)
            mel[i] = -80 + 80 * random.NextSingle();
        for (var i = 0; i < summary.Length; i++)
            summary[i] = random.NextSingle();
        return new WindowBatch(mel, summary, windows, network.MelBands, network.FramesPerWindow, network.SummaryLength);
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

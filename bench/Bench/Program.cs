// Benchmarks print figures and ratios against references measured in the same run.
// Usage: dotnet run -c Release --project bench/Bench -- <decoder|features|inference|device|tempokey|inference-grain|resampler> [options]
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    // One line per benchmark; each lives in its own folder.
    ["decoder"] = GenreOrleans.Bench.Decoding.DecoderBenchmark.Run,
    ["inference"] = GenreOrleans.Bench.Inference.InferenceBenchmark.Run,
    ["features"] = GenreOrleans.Bench.Features.FeaturesBenchmark.Run,
    ["tempokey"] = GenreOrleans.Bench.TempoKey.TempoKeyBenchmark.Run,
    ["device"] = GenreOrleans.Bench.Device.DeviceBenchmark.Run,
    ["inference-grain"] = GenreOrleans.Bench.InferenceGrain.InferenceGrainBenchmark.Run,
    ["resampler"] = GenreOrleans.Bench.Resampling.ResamplerBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}
return run(args[1..]);

using System.IO.Compression;
using System.Text.Json;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests.Features.Reference;

/// <summary>
/// One librosa 0.10.1 reference (a fixture WAV and the JSON that features.py wrote for it).
/// Fixtures are looked up in the repository copy (tests/Dsp.Tests/Fixtures/Librosa) first and
/// then in ../shared/dsp-reference/fixtures; a test skips when neither has the file.
/// </summary>
internal sealed class LibrosaReference
{
    /// <summary>Fixtures at 22,050 Hz, whose samples feed librosa unchanged.</summary>
    public static readonly TheoryData<string> NativeRateFixtures = new()
    {
        "sine440_22050_mono_s16", "chirp_22050_mono_s16", "click128_22050_mono_s16",
        "drums120_22050_mono_f32", "drums120_22050_mono_s16", "drums120_22050_stereo_s16",
        "drums174_22050_mono_s16", "noise_22050_mono_s16",
    };

    private static readonly Dictionary<string, LibrosaReference> Cache = new();

    private LibrosaReference(string name, float[] samples, JsonDocument json)
    {
        Name = name;
        Samples = samples;
        var root = json.RootElement;
        TempoBpm = root.GetProperty("tempo_bpm").GetDouble();
        BeatFrames = root.GetProperty("beat_frames").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        EstimatedTuning = root.GetProperty("diagnostics").GetProperty("chroma_estimated_tuning").GetDouble();
        foreach (var feature in root.GetProperty("frames").EnumerateObject())
        {
            Frames[feature.Name] = feature.Value.EnumerateArray()
                .Select(row => row.EnumerateArray()
                    .Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray())
                .ToArray();
        }
    }

    public string Name { get; }

    public float[] Samples { get; }

    public double TempoBpm { get; }

    public int[] BeatFrames { get; }

    public double EstimatedTuning { get; }

    /// <summary>Per-frame features, [row][frame].</summary>
    public Dictionary<string, double[][]> Frames { get; } = new();

    public int FrameCount => Frames["rms"][0].Length;

    /// <summary>Frames whose reference RMS exceeds 1e-4 (where the issue judges relative features).</summary>
    public bool IsAudible(int frame) => Frames["rms"][0][frame] > 1e-4;

    public static LibrosaReference Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var dir = new[]
            {
                Path.Combine(TestPaths.RepoRoot, "tests", "Dsp.Tests", "Fixtures", "Librosa"),
                Path.Combine(TestPaths.DspReferenceDirectory, "fixtures"),
            }.FirstOrDefault(d => File.Exists(Path.Combine(d, name + ".librosa.json.gz")));
            Skip.If(dir is null, $"librosa fixture {name} not found in the repository or {TestPaths.DspReferenceDirectory}");
            var (samples, rate) = TestWav.ReadMono(Path.Combine(dir!, name + ".wav"));
            Skip.If(rate != 22050, $"{name} is at {rate} Hz; its reference was computed after resampling");
            using var gz = new GZipStream(File.OpenRead(Path.Combine(dir!, name + ".librosa.json.gz")), CompressionMode.Decompress);
            var reference = new LibrosaReference(name, samples, JsonDocument.Parse(gz));
            Cache[name] = reference;
            return reference;
        }
    }
}

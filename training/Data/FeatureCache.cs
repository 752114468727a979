using System.Security.Cryptography;
using System.Text;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Training.Data;

/// <summary>
/// Computes each clip's features once with the product's own pipeline classes (AudioLoader,
/// LogMelSpectrogram, TrackSummary, TempoKeyReader for the descriptor vector) and keeps them on disk, keyed by the file's path, size,
/// modification time and the feature version, so later runs only read tensors.
/// </summary>
public sealed class FeatureCache
{
    private const int Magic = 0x4C454D47; // "GMEL"

    // Bumped when the decoding path changes without changing the feature definition
    // (2: our own MP3 decoder instead of the ffmpeg fallback).
    private const int CacheEpoch = 2;
    private readonly string _directory;
    private readonly TempoKeyReader _tempoKey = new();

    public FeatureCache(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public static string FeatureVersion => $"logmel128-hop512-sr22050/{TrackSummary.Version}/{DescriptorVector.Version}";

    /// <summary>Loads or computes the features of all clips, <paramref name="threads"/> at a time.</summary>
    public ClipFeatures[] LoadAll(IReadOnlyList<ClipRecord> clips, int threads, Action<int>? progress = null)
    {
        var result = new ClipFeatures[clips.Count];
        var done = 0;
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new LogMelSpectrogram(),
            (i, _, mel) =>
            {
                result[i] = Load(clips[i], mel);
                progress?.Invoke(Interlocked.Increment(ref done));
                return mel;
            },
            _ => { });
        return result;
    }

    public ClipFeatures Load(ClipRecord clip, LogMelSpectrogram melSpectrogram)
    {
        var path = Path.Combine(_directory, Key(clip) + ".bin");
        if (File.Exists(path))
        {
            try
            {
                return Read(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException)
            {
                File.Delete(path);
            }
        }
        var features = Compute(clip, melSpectrogram, _tempoKey);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        Write(temp, features);
        File.Move(temp, path, overwrite: true);
        return features;
    }

    public static ClipFeatures Compute(ClipRecord clip, LogMelSpectrogram melSpectrogram, TempoKeyReader tempoKey)
    {
        using var stream = File.OpenRead(clip.Path);
        var audio = AudioLoader.LoadMono(stream, 22050);
        var mel = melSpectrogram.Compute(audio.Samples);
        var descriptors = tempoKey.Read(audio.Samples, audio.SampleRate).DescriptorVector!;
        return new ClipFeatures(mel, TrackSummary.Compute(mel), descriptors);
    }

    private static string Key(ClipRecord clip)
    {
        var info = new FileInfo(clip.Path);
        var text = $"{clip.RelativePath}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{FeatureVersion}|{CacheEpoch}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static void Write(string path, ClipFeatures features)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Magic);
        writer.Write(features.Mel.Rows);
        writer.Write(features.Mel.Columns);
        writer.Write(features.Summary.Length);
        writer.Write(features.Descriptors.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.Mel.Data.AsSpan()));
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.Summary.AsSpan()));
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.Descriptors.AsSpan()));
    }

    private static ClipFeatures Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != Magic)
            throw new InvalidDataException($"{path} is not a feature cache file");
        int rows = reader.ReadInt32(), columns = reader.ReadInt32(), summaryLength = reader.ReadInt32(), descriptorLength = reader.ReadInt32();
        var mel = new float[rows * columns];
        var summary = new float[summaryLength];
        var descriptors = new float[descriptorLength];
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(mel.AsSpan()));
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(summary.AsSpan()));
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(descriptors.AsSpan()));
        return new ClipFeatures(new FeatureMatrix(rows, columns, mel), summary, descriptors);
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> buffer)
    {
        reader.BaseStream.ReadExactly(buffer);
    }
}

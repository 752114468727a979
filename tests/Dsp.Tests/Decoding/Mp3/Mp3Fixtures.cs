using System.IO.Compression;
using System.Runtime.InteropServices;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

/// <summary>The committed MP3 corpus (tests/Dsp.Tests/Fixtures/Mp3, made by make-corpus.sh) and its mpg123 decodes.</summary>
internal static class Mp3Fixtures
{
    public static string Directory { get; } = Path.Combine(TestPaths.RepoRoot, "tests", "Dsp.Tests", "Fixtures", "Mp3");

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.mp3").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".mp3"));

    /// <summary><c>mpg123 -e f32 -s</c> of the fixture, stored gzipped beside it.</summary>
    public static float[] Reference(string name)
    {
        using var file = File.OpenRead(Path.Combine(Directory, name + ".mpg123.f32.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return MemoryMarshal.Cast<byte, float>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)).ToArray();
    }

    /// <summary>Byte offsets of the frames of a CBR or VBR file without tags (header parsing only).</summary>
    public static List<int> FrameOffsets(byte[] mp3)
    {
        var offsets = new List<int>();
        var position = 0;
        while (position + 4 <= mp3.Length && GenreOrleans.Dsp.Decoding.Mp3.Mp3FrameHeader.TryParse(mp3.AsSpan(position), out var header)
               && header.FrameLength > 0)
        {
            offsets.Add(position);
            position += header.FrameLength;
        }
        return offsets;
    }
}

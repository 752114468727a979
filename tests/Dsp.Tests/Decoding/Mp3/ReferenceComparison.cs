using System.Diagnostics;
using System.Runtime.InteropServices;
using GenreOrleans.Dsp.Decoding.Mp3;

namespace GenreOrleans.Dsp.Tests.Decoding.Mp3;

/// <summary>Our decode of a file next to a reference decode, with the ISO/IEC 11172-4 full-accuracy measures.</summary>
internal sealed record ReferenceComparison(string Name, int OurSamples, int ReferenceSamples, double Rms, double MaxAbs)
{
    /// <summary>2^-15 / sqrt(12): the RMS a full-accuracy decoder may differ by.</summary>
    public static readonly double RmsLimit = Math.Pow(2, -15) / Math.Sqrt(12);

    /// <summary>2^-14: the largest single difference allowed.</summary>
    public static readonly double MaxLimit = Math.Pow(2, -14);

    public bool IsFullAccuracy => OurSamples == ReferenceSamples && Rms < RmsLimit && MaxAbs <= MaxLimit;

    public override string ToString() =>
        $"{Name}: samples {OurSamples} vs {ReferenceSamples}, rms {Rms:E2} (limit {RmsLimit:E2}), max {MaxAbs:E2} (limit {MaxLimit:E2})";

    public static ReferenceComparison Compare(string name, float[] ours, float[] reference)
    {
        var n = Math.Min(ours.Length, reference.Length);
        double sum = 0, max = 0;
        for (var i = 0; i < n; i++)
        {
            var d = Math.Abs((double)ours[i] - reference[i]);
            sum += d * d;
            max = Math.Max(max, d);
        }
        return new ReferenceComparison(name, ours.Length, reference.Length, n == 0 ? 0 : Math.Sqrt(sum / n), max);
    }

    public static float[] DecodeOurs(byte[] mp3, Mp3DecoderOptions? options = null)
    {
        using var decoder = new Mp3Decoder(new MemoryStream(mp3), options: options);
        var samples = new List<float>(mp3.Length * 12);
        var buffer = new float[8192];
        int n;
        while ((n = decoder.Read(buffer)) > 0)
            samples.AddRange(buffer.AsSpan(0, n));
        return [.. samples];
    }

    /// <summary>Runs <c>mpg123 -e f32 -s</c> (float output, default gapless handling) on a file.</summary>
    public static float[] DecodeWithMpg123(string mpg123, string path)
    {
        var start = new ProcessStartInfo(mpg123) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-q", "-e", "f32", "-s", path })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        return MemoryMarshal.Cast<byte, float>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length / 4 * 4)).ToArray();
    }
}

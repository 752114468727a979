using System.Diagnostics;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// Decodes any file to mono float samples through ffmpeg. The evaluation only needs it while
/// the project's own AudioLoader is not on main; ffmpeg's output is what tools would read.
/// </summary>
internal static class FfmpegAudio
{
    public static float[] LoadMono(string path, int sampleRate)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-i", path, "-ac", "1", "-ar", sampleRate.ToString(), "-f", "f32le", "-" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = process.StandardError.ReadToEndAsync();
        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed on {path}: {errors.Result}");
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}

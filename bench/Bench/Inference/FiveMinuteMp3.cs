using System.Diagnostics;

namespace GenreOrleans.Bench.Inference;

/// <summary>
/// Makes the benchmark's input once: a dataset clip looped to 5 minutes and encoded as a
/// 44.1 kHz stereo 192 kbps MP3 with ffmpeg, in the temp folder (never in the repository).
/// </summary>
internal static class FiveMinuteMp3
{
    public static string Ensure()
    {
        var path = Path.Combine(Path.GetTempPath(), "genre-bench-5min-44k.mp3");
        if (File.Exists(path))
            return path;
        var clip = FindClip() ?? throw new FileNotFoundException("no dataset clip found; pass --mp3 <5-minute MP3>");
        var info = new ProcessStartInfo("ffmpeg",
            new[] { "-v", "error", "-y", "-stream_loop", "-1", "-i", clip, "-t", "300", "-ar", "44100", "-ac", "2", "-b:a", "192k", path });
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed with exit code {process.ExitCode}");
        return path;
    }

    private static string? FindClip()
    {
        var clips = BenchPaths.Dataset is { } dataset ? Path.Combine(dataset, "clips", "acidhouse") : null;
        return clips is not null && Directory.Exists(clips)
            ? Directory.EnumerateFiles(clips, "*.mp3").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }
}

namespace GenreOrleans.Training.Commands;

/// <summary>Progress lines of the training commands on stderr, time-stamped (stdout carries the JSON results).</summary>
internal static class ProgressLog
{
    public static void Write(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}

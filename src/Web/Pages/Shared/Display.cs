using System.Globalization;

namespace GenreOrleans.Web.Pages.Shared;

/// <summary>How numbers read on the pages.</summary>
public static class Display
{
    public static string Percent(double probability) =>
        (probability * 100).ToString(probability >= 0.095 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Bar width for CSS, never below a sliver so that a tiny share is still visible.</summary>
    public static string BarWidth(double probability, double largest) =>
        Math.Max(0.5, largest <= 0 ? 0 : probability / largest * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);
}

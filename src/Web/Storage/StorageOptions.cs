namespace GenreOrleans.Web.Storage;

/// <summary>Where the site keeps everything it writes: uploads, logs, the owner history.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Root of all data. Empty means the default: <c>GenreOrleans</c> under the user's local
    /// application data, or <c>./data</c> when the platform has no such folder.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    public string ResolveDataDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory() : DataDirectory);

    public string UploadsDirectory => Path.Combine(ResolveDataDirectory(), "uploads");

    public string HistoryDirectory => Path.Combine(ResolveDataDirectory(), "history");

    public string LogsDirectory => Path.Combine(ResolveDataDirectory(), "logs");

    private static string DefaultDataDirectory()
    {
        var localAppData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(localAppData) ? "data" : Path.Combine(localAppData, "GenreOrleans");
    }
}

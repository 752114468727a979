using Microsoft.Extensions.Configuration;

namespace GenreOrleans.Grains.Hosting;

/// <summary>
/// The one folder holding everything the product writes (database, uploads, logs), from
/// <c>Storage:DataDirectory</c>. Web and Silo resolve it the same way so that a dedicated silo
/// and the Web in client mode agree on where uploads and the database live.
/// </summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "Storage:DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath() : configured;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        return full;
    }

    private static string DefaultPath()
    {
        // Containers and some service accounts have no local app data folder; fall back to ./data.
        var localAppData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(localAppData)
            ? Path.Combine(Environment.CurrentDirectory, "data")
            : Path.Combine(localAppData, "GenreOrleans");
    }
}

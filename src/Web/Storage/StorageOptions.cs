namespace GenreOrleans.Web.Storage;

/// <summary>Where the site keeps what it writes: uploads and logs (the database lies beside them).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Root of all data (<c>Storage:DataDirectory</c>). Empty in configuration means the default
    /// that Web and Silo share (<see cref="GenreOrleans.Grains.Hosting.DataDirectory"/>):
    /// <c>GenreOrleans</c> under the user's local application data, or <c>./data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    public string LogsDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Binds the section and resolves the data directory exactly as the silo does.</summary>
    public static void Bind(StorageOptions options, IConfiguration configuration) =>
        options.DataDirectory = Grains.Hosting.DataDirectory.Resolve(configuration);
}

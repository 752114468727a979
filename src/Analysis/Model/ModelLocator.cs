namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Finds the shipped model directory (models/&lt;name&gt; with a model.json): the directory named by
/// GENRE_MODEL_DIR, else models/ next to the running binaries (the build copies it there), else
/// models/ in the current directory or any directory above it or above the binaries.
/// </summary>
public static class ModelLocator
{
    public const string DefaultModelName = "genre-crnn";
    public const string EnvironmentVariable = "GENRE_MODEL_DIR";

    public static string FindDefault() =>
        TryFind(DefaultModelName) ?? throw new DirectoryNotFoundException(
            $"model '{DefaultModelName}' not found: set {EnvironmentVariable} or run from the repository (models/{DefaultModelName}/model.json)");

    public static string? TryFind(string name)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return File.Exists(Path.Combine(fromEnvironment, ModelManifest.FileName)) ? Path.GetFullPath(fromEnvironment) : null;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", name);
                if (File.Exists(Path.Combine(candidate, ModelManifest.FileName)))
                    return candidate;
            }
        }
        return null;
    }
}

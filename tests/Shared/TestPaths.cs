namespace GenreOrleans.Tests.Shared;

/// <summary>
/// Where tests find the repository and the data beside it. The shared folder (datasets,
/// librosa references) is never copied into the repository: it is read from
/// <c>../shared</c> next to the repository root, or from <c>GENRE_SHARED_DIR</c>.
/// </summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedDirectory { get; } =
        Environment.GetEnvironmentVariable("GENRE_SHARED_DIR") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string DatasetDirectory => Path.Combine(SharedDirectory, "datasets", "ishkur-v2.5-audio");

    public static string DspReferenceDirectory => Path.Combine(SharedDirectory, "dsp-reference");

    /// <summary>Skips the calling test, with a message saying why, when the dataset is absent.</summary>
    public static string RequireDataset()
    {
        Skip.IfNot(Directory.Exists(DatasetDirectory),
            $"dataset folder not found at {DatasetDirectory} (put ../shared beside the repository or set GENRE_SHARED_DIR)");
        return DatasetDirectory;
    }

    /// <summary>Skips the calling test when an external tool (mpg123, ffmpeg, chromium...) is not on PATH.</summary>
    public static string RequireTool(string name)
    {
        var found = FindOnPath(name);
        Skip.If(found is null, $"{name} is not installed (scripts/install-test-tools.sh installs it)");
        return found!;
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GenreOrleans.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GenreOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}

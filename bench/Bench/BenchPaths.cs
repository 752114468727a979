namespace GenreOrleans.Bench;

/// <summary>
/// Where the benchmarks find the repository (the folder holding GenreOrleans.sln, found by walking
/// up from the binaries) and the shared dataset beside it (<c>../shared/datasets/ishkur-v2.5-audio</c>).
/// </summary>
internal static class BenchPaths
{
    /// <summary>The repository root; null when the binaries do not sit inside a checkout.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>The labelled clips of ../shared; null when they are not there.</summary>
    public static string? Dataset =>
        RepoRoot is { } root && Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "ishkur-v2.5-audio")) is var path
            && Directory.Exists(path)
            ? path
            : null;

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GenreOrleans.sln")))
                return dir.FullName;
        return null;
    }
}

namespace GenreOrleans.Cli.Analyze;

/// <summary>Expands the command's arguments: files as given, folders to the audio files below them (sorted).</summary>
internal static class AudioFileFinder
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp3", ".wav", ".flac", ".ogg", ".oga", ".m4a", ".aac", ".opus",
    };

    public static List<string> Expand(IEnumerable<string> paths, out bool anyFolder)
    {
        anyFolder = false;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                anyFolder = true;
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }
        return files;
    }
}

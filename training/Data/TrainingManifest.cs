using System.Security.Cryptography;

namespace GenreOrleans.Training.Data;

/// <summary>
/// The clips to train on: either a manifest.csv shaped like the ishkur-v2.5-audio one (columns
/// file, genre, title, type; file relative to the csv) or a folder tree &lt;genre&gt;/&lt;file&gt;
/// (title = folder name, family "Unknown" unless the tree is &lt;family&gt;/&lt;genre&gt;/&lt;file&gt;).
/// </summary>
public sealed class TrainingManifest
{
    private static readonly string[] AudioExtensions = { ".mp3", ".wav", ".flac", ".ogg", ".m4a" };

    private TrainingManifest(IReadOnlyList<ClipRecord> clips, string sha256)
    {
        Clips = clips;
        Sha256 = sha256;
    }

    public IReadOnlyList<ClipRecord> Clips { get; }

    /// <summary>Digest of the manifest's content (csv bytes, or the sorted relative paths and labels of a tree).</summary>
    public string Sha256 { get; }

    /// <summary>
    /// True when this manifest lists the same clips as <paramref name="original"/> row for row (same
    /// count, same genre on every row), as a manifest of re-mastered copies of them must.
    /// </summary>
    public bool HasSameRowsAs(TrainingManifest original) =>
        Clips.Count == original.Clips.Count && Clips.Zip(original.Clips).All(pair => pair.First.Genre == pair.Second.Genre);

    public static TrainingManifest Load(string path)
    {
        if (Directory.Exists(path))
            return FromTree(path);
        if (File.Exists(path))
            return FromCsv(path);
        throw new FileNotFoundException($"manifest not found: {path}");
    }

    private static TrainingManifest FromCsv(string path)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var bytes = File.ReadAllBytes(path);
        var (header, rows) = CsvReader.ReadTable(bytes, path);
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} has no '{name}' column");
        int file = Column("file"), genre = Column("genre");
        int title = header.IndexOf("title"), type = header.IndexOf("type");
        var clips = new List<ClipRecord>();
        foreach (var row in rows)
        {
            if (row.Length <= Math.Max(file, genre) || string.IsNullOrWhiteSpace(row[file]))
                continue;
            var slug = row[genre].Trim();
            clips.Add(new ClipRecord(
                Path.Combine(root, row[file]),
                row[file],
                slug,
                title >= 0 && row.Length > title && row[title].Length > 0 ? row[title] : slug,
                type >= 0 && row.Length > type && row[type].Length > 0 ? row[type] : "Unknown"));
        }
        return new TrainingManifest(clips, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static TrainingManifest FromTree(string root)
    {
        root = Path.GetFullPath(root);
        var clips = new List<ClipRecord>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!AudioExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                continue;
            var relative = Path.GetRelativePath(root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length < 2)
                continue;
            var genre = parts[^2];
            var family = parts.Length >= 3 ? parts[^3] : "Unknown";
            clips.Add(new ClipRecord(file, relative, genre, genre, family));
        }
        var listing = string.Join('\n', clips.Select(c => $"{c.RelativePath}\t{c.Genre}\t{c.Family}"));
        return new TrainingManifest(clips, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(listing))));
    }
}
